package org.openebr.material.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A container the material gate admits for a charge, with what it holds. */
public record MaterialAdmission(String containerId, String lotId, String materialNumber, BigDecimal quantity,
                                String unit, LocalDate expiryDate, LocalDate retestDate) {
}
