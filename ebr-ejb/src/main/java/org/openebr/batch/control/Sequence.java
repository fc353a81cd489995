package org.openebr.batch.control;

import java.util.Map;
import org.openebr.batch.entity.StepState;

/**
 * Sequencing over the control recipe (21 CFR 211.100, 11.10(f)): a step is available when nothing is
 * recorded on it yet and every step it runs after is done. Parallel branches (steps after the same
 * one) are available at the same time. Decided on the server for every entry, whatever a screen shows.
 */
public final class Sequence {

    /** How a step shows to the people executing the batch. */
    public enum Availability {
        /** Waits for steps it runs after. */
        WAITING,
        /** May be recorded now. */
        AVAILABLE,
        /** Recorded, waits for its performer's signature. */
        RECORDED,
        /** Signed by its performer, waits for the verifier. */
        PERFORMED,
        DONE
    }

    private Sequence() {
    }

    public static Availability of(ControlRecipe.Placed step, Map<String, StepState> states) {
        StepState state = states.getOrDefault(step.id(), StepState.OPEN);
        return switch (state) {
            case RECORDED -> Availability.RECORDED;
            case PERFORMED -> Availability.PERFORMED;
            case DONE -> Availability.DONE;
            case OPEN -> step.after().stream().allMatch(before -> states.get(before) == StepState.DONE)
                    ? Availability.AVAILABLE : Availability.WAITING;
        };
    }
}
