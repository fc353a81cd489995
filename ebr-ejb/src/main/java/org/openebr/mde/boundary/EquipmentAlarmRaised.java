package org.openebr.mde.boundary;

import java.time.Instant;

/**
 * An equipment alarm raised while a batch holds the unit: batch execution raises a deviation on the batch
 * (in the same transaction), on the step that was in progress when the alarm came, and names both here.
 */
public final class EquipmentAlarmRaised {

    private final String batchId;
    private final String equipmentId;
    private final String tag;
    private final Instant at;
    private String deviationId;
    private String stepId;

    public EquipmentAlarmRaised(String batchId, String equipmentId, String tag, Instant at) {
        this.batchId = batchId;
        this.equipmentId = equipmentId;
        this.tag = tag;
        this.at = at;
    }

    public String batchId() {
        return batchId;
    }

    public String equipmentId() {
        return equipmentId;
    }

    public String tag() {
        return tag;
    }

    public Instant at() {
        return at;
    }

    public String deviationId() {
        return deviationId;
    }

    /** The step the deviation is on, or null when no step of the batch was in progress. */
    public String stepId() {
        return stepId;
    }

    public void deviationRaised(String id, String step) {
        this.deviationId = id;
        this.stepId = step;
    }
}
