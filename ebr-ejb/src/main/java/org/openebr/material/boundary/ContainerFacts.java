package org.openebr.material.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A container with its lot's status and its complete custody history, oldest first. */
public record ContainerFacts(String containerId, String lotId, String materialNumber, String materialName,
                            String lotStatus, LocalDate expiryDate, BigDecimal quantity, String unit, BigDecimal tare,
                            String location, String holder, String origin, String batch, String step,
                            Instant createdAt, String createdBy, List<CustodyEvent> history) {
}
