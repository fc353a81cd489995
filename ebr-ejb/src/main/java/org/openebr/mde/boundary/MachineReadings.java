package org.openebr.mde.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.openebr.mde.control.MdeStore;
import org.openebr.mde.control.OpcUaLinks;
import org.openebr.mde.entity.EquipmentTag;

/**
 * A value read from the equipment for a batch step, with everything the record needs to trust it
 * (21 CFR 11.10(h); OPC UA Part 4 7.11; Annex 11 draft §10): the unit and node it came from, the status
 * code and its quality (GOOD, UNCERTAIN, BAD: never made better than the server said), the source and
 * server time stamps, and what the plausibility check found (outside the instrument's range, unchanged
 * for longer than the tag allows). The tag a recipe names is bound to a unit of the batch; batch
 * execution decides what becomes of the value.
 */
@Stateless
@PermitAll // called by batch execution, which decides who may record
public class MachineReadings {

    /** One captured value. */
    public record Capture(String equipmentId, String tag, String nodeId, Double value, String text, long statusCode,
                          String status, String quality, Instant sourceTime, Instant serverTime, String plausibility) {
    }

    /** What the terminal shows of a step's tag now: the value with its quality, or why there is none. */
    public record Live(String equipmentId, Double value, String status, String quality, Instant sourceTime,
                       String plausibility, String problem) {
    }

    @Inject
    MdeStore store;

    @Inject
    OpcUaLinks links;

    @Inject
    Clock clock;

    public Capture capture(String batchId, String tagName) {
        EquipmentTag tag = bound(batchId, tagName);
        String equipmentId = store.unitById(tag.unitId()).map(MdeStore.Unit::equipmentId).orElse("?");
        OpcUaLinks.Read read;
        try {
            read = links.read(tag.connectionId(), tag.nodeId());
        } catch (UaException e) {
            long code = e.getStatusCode().getValue();
            String state = links.status(tag.connectionId()).map(s -> s.state() + ": " + s.message()).orElse("not started");
            if (code == StatusCodes.Bad_NotConnected) {
                throw new MdeRefused(MdeRefused.Reason.UNAVAILABLE, "No value from " + equipmentId + " (" + tagName
                        + "): its connection is " + state + ". Wait until it is back, or enter the value by hand with a"
                        + " reason (flagged for review).");
            }
            throw new MdeRefused(MdeRefused.Reason.UNAVAILABLE, "No value from " + equipmentId + " (" + tagName + "): the"
                    + " server answers " + OpcUaLinks.statusName(code) + (code == StatusCodes.Bad_NodeIdUnknown
                    ? " (node " + tag.nodeId() + " does not exist on it: the equipment master names a wrong node)" : "")
                    + ". Enter the value by hand with a reason, and have the tag corrected.");
        }
        long code = read.statusCode();
        String quality = quality(code);
        String plausibility = null;
        Instant now = clock.instant();
        if (read.value() != null && tag.rangeLow() != null && BigDecimal.valueOf(read.value()).compareTo(tag.rangeLow()) < 0
                || read.value() != null && tag.rangeHigh() != null
                && BigDecimal.valueOf(read.value()).compareTo(tag.rangeHigh()) > 0) {
            plausibility = "outside the instrument's range " + plain(tag.rangeLow()) + " to " + plain(tag.rangeHigh())
                    + (tag.engineeringUnit() == null ? "" : " " + tag.engineeringUnit());
        } else if (tag.maxUnchangedSeconds() != null && read.sourceTime() != null
                && read.sourceTime().isBefore(now.minusSeconds(tag.maxUnchangedSeconds()))) {
            plausibility = "unchanged since " + read.sourceTime() + ", longer than the " + tag.maxUnchangedSeconds()
                    + " s the tag allows while the unit works";
        }
        return new Capture(equipmentId, tag.tag(), tag.nodeId(), read.value(), read.text(), code, read.status(), quality,
                read.sourceTime(), read.serverTime(), plausibility);
    }

    /**
     * A statistic (MEAN, MIN, MAX, RANGE, SD) of the Good values the step's tag delivered from {@code from} until
     * now, as they were stored: never interpolated. Values that were not Good are left out and counted, and a lost
     * connection in the window is named: either makes the result UNCERTAIN, which needs a person's reason.
     */
    public Capture statistic(String batchId, String tagName, String function, Instant from) {
        EquipmentTag tag = bound(batchId, tagName);
        String equipmentId = store.unitById(tag.unitId()).map(MdeStore.Unit::equipmentId).orElse("?");
        Instant now = clock.instant();
        MdeStore.Window w = store.window(tag.id(), tag.connectionId(), from, now);
        if (w.good() == 0) {
            throw new MdeRefused(MdeRefused.Reason.UNAVAILABLE, "No Good value of " + tagName + " from " + equipmentId
                    + " arrived since " + from + (w.notGood() > 0 ? " (" + w.notGood() + " not Good)" : "") + ": nothing to"
                    + " compute the " + function.toLowerCase(java.util.Locale.ROOT) + " of. Enter the value by hand with a"
                    + " reason, or capture it when the machine has delivered values.");
        }
        double value = switch (function) {
            case "MEAN" -> w.mean();
            case "MIN" -> w.min();
            case "MAX" -> w.max();
            case "RANGE" -> w.max() - w.min();
            case "SD" -> w.sd();
            default -> throw new IllegalArgumentException("statistic " + function);
        };
        StringBuilder finding = new StringBuilder();
        if (w.notGood() > 0) {
            finding.append(w.notGood()).append(" value(s) not Good left out");
        }
        if (w.lostAt() != null) {
            finding.append(finding.isEmpty() ? "" : "; ").append("the connection was lost at ").append(w.lostAt())
                    .append(": a gap in the values, not filled in");
        }
        String summary = function + " of " + w.good() + " Good value(s) from " + w.first() + " to " + w.last() + " (min "
                + digits(w.min()) + ", max " + digits(w.max()) + ", mean " + digits(w.mean()) + ")";
        boolean certain = finding.isEmpty();
        return new Capture(equipmentId, tag.tag(), tag.nodeId(), value, summary, certain ? 0L : 0x40000000L,
                certain ? "Good" : "Uncertain", certain ? "GOOD" : "UNCERTAIN", w.lastSource(), w.lastServer(),
                certain ? null : finding.toString());
    }

    /** The value the step would capture now, for the operator to see before capturing it; never an error. */
    public Live live(String batchId, String tagName) {
        try {
            Capture c = capture(batchId, tagName);
            return new Live(c.equipmentId(), c.value(), c.status(), c.quality(), c.sourceTime(), c.plausibility(), null);
        } catch (MdeRefused e) {
            return new Live(null, null, null, null, null, null, e.getMessage());
        }
    }

    /** GOOD, UNCERTAIN or BAD: the severity bits of an OPC UA status code (Part 4 7.39). */
    public static String quality(long statusCode) {
        return switch ((int) ((statusCode >>> 30) & 0x3)) {
            case 0 -> "GOOD";
            case 1 -> "UNCERTAIN";
            default -> "BAD";
        };
    }

    /**
     * The unit of the batch that has the tag; else the one unit of the plant that has it, unless the batch
     * works with another unit of that kind (a batch in vessel V-102 never reads V-101's temperature).
     */
    private EquipmentTag bound(String batchId, String tagName) {
        List<EquipmentTag> candidates = store.tagsNamed(tagName);
        if (candidates.isEmpty()) {
            throw new MdeRefused(MdeRefused.Reason.TAG_UNBOUND, "No equipment has the tag '" + tagName + "' in the"
                    + " equipment master: an administrator binds it to a node, or enter the value by hand with a reason.");
        }
        List<UUID> used = store.unitsOfBatch(batchId);
        List<EquipmentTag> ofBatch = candidates.stream().filter(t -> used.contains(t.unitId())).toList();
        if (ofBatch.size() == 1) {
            return ofBatch.get(0);
        }
        if (ofBatch.isEmpty() && candidates.size() == 1
                && !store.batchUsesAnotherOfItsClass(batchId, candidates.get(0).unitId())) {
            return candidates.get(0);
        }
        throw new MdeRefused(MdeRefused.Reason.TAG_UNBOUND, "The tag '" + tagName + "' is on " + candidates.size()
                + " unit(s), and " + (ofBatch.isEmpty() ? "none" : "more than one") + " of them is the one batch " + batchId
                + " works with: the batch's own unit has no such tag in the equipment master. Enter the value by hand"
                + " with a reason, and have the tag defined for the unit.");
    }

    /** Six significant digits: enough for any instrument, short enough to read. */
    private static String digits(double value) {
        return new BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
