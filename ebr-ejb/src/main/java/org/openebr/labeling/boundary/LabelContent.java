package org.openebr.labeling.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything a container label shows, as plain values: whoever owns the container fills it in, the
 * label knows no entity. The DataMatrix holds GTIN (01), lot (10), expiry (17) and the container id
 * as serial (21); a material without a GTIN gets a DataMatrix of the container id alone.
 *
 * @param containerId    the container's id, printed and encoded as the serial number
 * @param materialNumber the material number as the ERP knows it
 * @param materialName   the material's name
 * @param gtin           the material's GTIN-14, or {@code null} when it has none
 * @param lotId          the internal lot id (encoded as the batch/lot, 10)
 * @param supplier       the supplier's name, or {@code null} for a lot made in house
 * @param supplierLot    the supplier's lot number, or {@code null}
 * @param quantity       the container's quantity when the label is printed
 * @param unit           the quantity's unit
 * @param expiry         the lot's expiry date (encoded as 17), or {@code null}
 * @param retest         the lot's retest date, or {@code null}
 * @param status         the lot's status when the label is printed (QUARANTINE, RELEASED, ...)
 * @param printedBy      the user name of who printed it
 * @param printedAt      when it was printed
 */
public record LabelContent(String containerId, String materialNumber, String materialName, String gtin,
                           String lotId, String supplier, String supplierLot, BigDecimal quantity, String unit,
                           LocalDate expiry, LocalDate retest, String status, String printedBy, Instant printedAt) {

    public LabelContent {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(materialNumber, "materialNumber");
        Objects.requireNonNull(materialName, "materialName");
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(printedBy, "printedBy");
        Objects.requireNonNull(printedAt, "printedAt");
    }
}
