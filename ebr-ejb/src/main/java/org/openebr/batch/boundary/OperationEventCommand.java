package org.openebr.batch.boundary;

import java.time.Instant;

/**
 * A downtime, scrap or rework of one operation, as a person records it (MES-BDE-1).
 *
 * @param kind      {@code DOWNTIME}, {@code SCRAP} or {@code REWORK}
 * @param cause     a cause code of the kind's catalogue ({@code OTHER} needs a comment)
 * @param from      a downtime's start (not before the batch was created)
 * @param to        a downtime's end (after its start, not in the future)
 * @param quantity  what was scrapped or reworked, in plain decimal notation, more than 0
 * @param unit      the quantity's unit, e.g. {@code vials}
 * @param reason    required for a correction or a withdrawal
 * @param withdrawn on a correction: the event was recorded by mistake and counts no more
 */
public record OperationEventCommand(String kind, String cause, Instant from, Instant to, String quantity, String unit,
                                    String comment, String reason, Boolean withdrawn) {
}
