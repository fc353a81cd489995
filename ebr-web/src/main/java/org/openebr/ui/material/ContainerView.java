package org.openebr.ui.material;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import org.openebr.material.boundary.ContainerFacts;
import org.openebr.material.boundary.Containers;
import org.openebr.material.boundary.Dispense;
import org.openebr.material.boundary.DispensingFacts;
import org.openebr.material.boundary.Dispensings;
import org.openebr.material.boundary.Transfer;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * One container: what it holds, where and with whom, its complete custody history, and the actions
 * on it: a transfer (warehouse, operators) and weighing from it for a batch (operators).
 */
@Named("containerPage")
@ViewScoped
public class ContainerView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Containers containers;

    @Inject
    Dispensings dispensings;

    @Inject
    Commands commands;

    private String containerId;
    private ContainerFacts container;

    private String toLocation;
    private String toPerson;
    private String receiverPassword;
    private String transferReason;

    private String batch;
    private String step;
    private BigDecimal target;
    private BigDecimal tolerancePercent;
    private BigDecimal gross;
    private BigDecimal tare = BigDecimal.ZERO;
    private String unit;
    private String balanceId;
    private String location;
    private String verifier;
    private String verifierPassword;
    private DispensingFacts lastDispensing;

    public void load() {
        if (containerId == null || containerId.isBlank()) {
            Messages.error("Open a container from its lot.", null);
            return;
        }
        container = commands.attempt("read container " + containerId + " (container screen)")
                .notAllowed("Your roles do not allow reading containers.")
                .call(() -> containers.container(containerId.strip()));
        if (container != null) {
            unit = unit == null ? container.unit() : unit;
            location = location == null ? container.location() : location;
        }
    }

    public void transfer() {
        ContainerFacts moved = commands.attempt("transfer container " + containerId + " (container screen)")
                .notAllowed("Only the warehouse, operators and supervisors move containers.")
                .call(() -> containers.transfer(container.containerId(), new Transfer(toLocation,
                        toPerson == null || toPerson.isBlank() ? null : toPerson,
                        receiverPassword == null || receiverPassword.isEmpty() ? null : receiverPassword.toCharArray(),
                        transferReason)));
        receiverPassword = null;
        if (moved != null) {
            container = moved;
            Messages.info("Container " + moved.containerId() + " is now at " + moved.location()
                    + (moved.holder() == null ? "." : ", with " + moved.holder() + "."), null);
            toLocation = null;
            toPerson = null;
            transferReason = null;
        }
    }

    public void dispense() {
        DispensingFacts done = commands.attempt("dispense from container " + containerId + " (container screen)")
                .notAllowed("Only operators and supervisors dispense.")
                .call(() -> dispensings.dispense(new Dispense(container.containerId(), container.materialNumber(), batch,
                        step, target, tolerancePercent, gross, tare, unit, balanceId, location,
                        verifier == null || verifier.isBlank() ? null : verifier,
                        verifierPassword == null || verifierPassword.isEmpty() ? null : verifierPassword.toCharArray())));
        verifierPassword = null;
        if (done != null) {
            lastDispensing = done;
            container = containers.container(container.containerId());
            Messages.info("Dispensed " + done.net().toPlainString() + " " + done.unit() + " into container "
                    + done.dispensedContainerId() + " for batch " + done.batch() + " (" + done.dispensingId() + ").", null);
            gross = null;
        }
    }

    public String statusLabel(String status) {
        return LotStatusLabels.label(status);
    }

    public ContainerFacts getContainer() { return container; }
    public String getContainerId() { return containerId; }
    public void setContainerId(String value) { containerId = value; }
    public String getToLocation() { return toLocation; }
    public void setToLocation(String value) { toLocation = value; }
    public String getToPerson() { return toPerson; }
    public void setToPerson(String value) { toPerson = value; }
    public String getReceiverPassword() { return receiverPassword; }
    public void setReceiverPassword(String value) { receiverPassword = value; }
    public String getTransferReason() { return transferReason; }
    public void setTransferReason(String value) { transferReason = value; }
    public String getBatch() { return batch; }
    public void setBatch(String value) { batch = value; }
    public String getStep() { return step; }
    public void setStep(String value) { step = value; }
    public BigDecimal getTarget() { return target; }
    public void setTarget(BigDecimal value) { target = value; }
    public BigDecimal getTolerancePercent() { return tolerancePercent; }
    public void setTolerancePercent(BigDecimal value) { tolerancePercent = value; }
    public BigDecimal getGross() { return gross; }
    public void setGross(BigDecimal value) { gross = value; }
    public BigDecimal getTare() { return tare; }
    public void setTare(BigDecimal value) { tare = value; }
    public String getUnit() { return unit; }
    public void setUnit(String value) { unit = value; }
    public String getBalanceId() { return balanceId; }
    public void setBalanceId(String value) { balanceId = value; }
    public String getLocation() { return location; }
    public void setLocation(String value) { location = value; }
    public String getVerifier() { return verifier; }
    public void setVerifier(String value) { verifier = value; }
    public String getVerifierPassword() { return verifierPassword; }
    public void setVerifierPassword(String value) { verifierPassword = value; }
    public DispensingFacts getLastDispensing() { return lastDispensing; }
}
