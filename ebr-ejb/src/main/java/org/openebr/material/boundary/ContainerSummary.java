package org.openebr.material.boundary;

import java.math.BigDecimal;

/**
 * A container as listed with its lot.
 *
 * @param origin RECEIVED or DISPENSED; a dispensed container names its batch and step
 */
public record ContainerSummary(String containerId, String lotId, String materialNumber, BigDecimal quantity,
                               String unit, BigDecimal tare, String location, String holder, String origin,
                               String batch, String step) {
}
