package org.openebr.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.openebr.batch.control.BatchStore;
import org.openebr.batch.entity.Batch;
import org.openebr.batch.entity.Deviation;
import org.openebr.mde.boundary.EquipmentAlarmRaised;

/**
 * An alarm of a unit the batch holds is a deviation of the batch (A11D-8-1; EU GMP 1.4(xiv)): raised by the
 * system, in the transaction that records the alarm, for QA to classify and close like any other. A batch
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
        String id = store.nextDeviationId(at.atZone(ZoneOffset.UTC).getYear());
        store.persist(new Deviation(id, batch.id(), null, Deviation.Origin.EQUIPMENT_ALARM, "Equipment alarm "
                + alarm.tag() + " on " + alarm.equipmentId() + " at " + at + " while the batch held the unit.", org.openebr.platform.control.ChangeContext.SYSTEM,
                at));
        alarm.deviationRaised(id);
    }
}
