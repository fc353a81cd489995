package org.openebr.ui.material;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openebr.material.boundary.LotFacts;
import org.openebr.material.boundary.Lots;
import org.openebr.material.boundary.MaterialFacts;
import org.openebr.material.boundary.MaterialMaster;
import org.openebr.material.boundary.QuantityUnit;
import org.openebr.material.boundary.Receipt;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * Every lot with its status now (colour and words), and for the warehouse the goods receipt: one
 * supplier lot of one material in a number of equal containers, received into quarantine.
 */
@Named("lotList")
@ViewScoped
public class LotsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Lots lots;

    @Inject
    MaterialMaster master;

    @Inject
    Commands commands;

    private List<LotFacts> all = List.of();
    private List<MaterialFacts> materials = List.of();
    private String materialNumber;
    private String supplier;
    private String supplierLot;
    private LocalDate expiryDate;
    private LocalDate retestDate;
    private Integer containerCount = 1;
    private BigDecimal quantity;
    private String unit = "g";
    private String location;
    private String reason;

    @PostConstruct
    void load() {
        commands.attempt("list lots (lots screen)")
                .notAllowed("Your roles do not allow reading lots.")
                .run(() -> {
                    all = lots.list();
                    materials = master.list();
                });
    }

    /** Receives the lot; on success its page opens. */
    public String receive() {
        if (containerCount == null || containerCount < 1 || containerCount > 200) {
            Messages.error("Number of containers: 1 to 200.", null);
            return null;
        }
        List<Receipt.ReceivedContainer> containers = new ArrayList<>();
        for (int i = 0; i < containerCount; i++) {
            containers.add(new Receipt.ReceivedContainer(quantity, unit, null));
        }
        LotFacts received = commands.attempt("receive a lot (lots screen)")
                .notAllowed("Only the warehouse receives goods.")
                .call(() -> lots.receive(new Receipt(materialNumber, supplier, supplierLot, expiryDate, retestDate,
                        containers, location == null || location.isBlank() ? null : location, reason)));
        if (received == null) {
            return null;
        }
        Messages.info("Lot " + received.lotId() + " received into quarantine with " + received.containers().size()
                + " container" + (received.containers().size() == 1 ? "" : "s") + ".", null);
        return "/app/lot.xhtml?faces-redirect=true&id=" + received.lotId();
    }

    public String statusLabel(String status) {
        return LotStatusLabels.label(status);
    }

    public List<String> getUnits() {
        return java.util.Arrays.stream(QuantityUnit.values()).map(QuantityUnit::symbol).toList();
    }

    public List<LotFacts> getAll() { return all; }
    public List<MaterialFacts> getMaterials() { return materials; }
    public String getMaterialNumber() { return materialNumber; }
    public void setMaterialNumber(String value) { materialNumber = value; }
    public String getSupplier() { return supplier; }
    public void setSupplier(String value) { supplier = value; }
    public String getSupplierLot() { return supplierLot; }
    public void setSupplierLot(String value) { supplierLot = value; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public void setExpiryDate(LocalDate value) { expiryDate = value; }
    public LocalDate getRetestDate() { return retestDate; }
    public void setRetestDate(LocalDate value) { retestDate = value; }
    public Integer getContainerCount() { return containerCount; }
    public void setContainerCount(Integer value) { containerCount = value; }
    public BigDecimal getQuantity() { return quantity; }
    public void setQuantity(BigDecimal value) { quantity = value; }
    public String getUnit() { return unit; }
    public void setUnit(String value) { unit = value; }
    public String getLocation() { return location; }
    public void setLocation(String value) { location = value; }
    public String getReason() { return reason; }
    public void setReason(String value) { reason = value; }
}
