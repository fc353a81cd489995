package org.openebr.material.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A goods receipt: one supplier lot of one material, in containers.
 *
 * @param location where the containers are put (the quarantine store when absent)
 */
public record Receipt(String materialNumber, String supplier, String supplierLot, LocalDate expiryDate,
                      LocalDate retestDate, List<ReceivedContainer> containers, String location, String reason) {

    /** One container as received; its tare (empty drum or bag) when known. */
    public record ReceivedContainer(BigDecimal quantity, String unit, BigDecimal tare) {
    }
}
