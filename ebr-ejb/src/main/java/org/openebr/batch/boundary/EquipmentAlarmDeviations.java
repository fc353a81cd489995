package org.openebr.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.control.ControlRecipe;
import org.openebr.batch.control.Sequence;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.Deviation;
import org.openebr.batch.entity.StepState;
import org.openebr.mde.boundary.EquipmentAlarmRaised;

/**
 * An alarm of a unit the batch holds is a deviation of the batch (A11D-8-1; EU GMP 1.4(xiv)), on the step that
 * was in progress when the alarm came: raised by the system, in the transaction that records the alarm, for QA to classify and close like any other. A batch
 * that is already closed gets none (the alarm stays in the equipment's alarm log).
 */
@ApplicationScoped
public class EquipmentAlarmDeviations {

    @Inject
    BatchStore store;

    void raise(@Observes EquipmentAlarmRaised alarm) {
        Batch batch = store.batch(alarm.batchId()).orElse(null);
        if (batch == null || batch.status().closed()) {
            return;
        }
        java.time.Instant at = alarm.at().truncatedTo(ChronoUnit.MICROS);
        List<String> open = inProgress(batch);
        String step = open.isEmpty() ? null : open.get(0);
        String id = store.nextDeviationId(at.atZone(ZoneOffset.UTC).getYear());
        store.persist(new Deviation(id, batch.id(), step, Deviation.Origin.EQUIPMENT_ALARM, "Equipment alarm "
                + alarm.tag() + " on " + alarm.equipmentId() + " at " + at.truncatedTo(ChronoUnit.SECONDS)
                + " (equipment time, UTC) while the batch held the unit"
                + (open.isEmpty() ? " (no step in progress)." : open.size() == 1 ? ", during step " + step + "."
                : ", during steps " + String.join(", ", open) + "."), org.openebr.platform.control.ChangeContext.SYSTEM,
                at));
        alarm.deviationRaised(id, step);
    }

    /**
     * The steps in progress, in recipe order: those available to record (being worked on), then those recorded
     * and waiting for a signature. Parallel branches may have more than one; the alarm's deviation is on the
     * first.
     */
    private List<String> inProgress(Batch batch) {
        ControlRecipe recipe = store.controlRecipe(batch);
        Map<String, StepState> states = new HashMap<>();
        store.steps(batch.id()).forEach(s -> states.put(s.stepId(), s.state()));
        List<String> available = new ArrayList<>();
        List<String> signing = new ArrayList<>();
        for (ControlRecipe.Placed placed : recipe.steps()) {
            Sequence.Availability availability = Sequence.of(placed, states);
            if (availability == Sequence.Availability.AVAILABLE) {
                available.add(placed.id());
            } else if (availability == Sequence.Availability.RECORDED || availability == Sequence.Availability.PERFORMED) {
                signing.add(placed.id());
            }
        }
        available.addAll(signing);
        return available;
    }
}
