package org.openebr.batch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The batch's records by name, for the audit trail: a reader sees "entry 2 of step ph of batch
 * B-2026-0001" instead of an id. One query per record type for a whole page of the trail, never one
 * per line.
 */
@Stateless
@RolesAllowed({"INSPECTOR", "QA_REVIEWER", "QA_RELEASER"})
public class BatchRecordNames {

    /** The record types named here. */
    public static final Set<String> TYPES = Set.of("Batch", "BatchStep", "StepEntry", "BatchEvent", "Deviation",
            "GateRefusal", "GateOverride", "OperationEvent");

    @PersistenceContext
    EntityManager em;

    /** Each id's name; an id not found (or of another type) is left out. */
    public Map<String, String> names(String entityType, Collection<String> ids) {
        List<UUID> keys = ids.stream().map(BatchRecordNames::uuid).filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (keys.isEmpty()) {
            return names;
        }
        String query = switch (entityType) {
            case "Batch" -> "select b.id, b.batchId, '', '' from Batch b where b.id in :ids";
            case "BatchStep" -> "select s.id, b.batchId, s.stepId, '' from BatchStep s, Batch b"
                    + " where b.id = s.batchRef and s.id in :ids";
            case "StepEntry" -> "select e.id, b.batchId, e.stepId, cast(e.seq as string) from StepEntry e, Batch b"
                    + " where b.id = e.batchRef and e.id in :ids";
            case "BatchEvent" -> "select e.id, b.batchId, cast(e.seq as string), '' from BatchEvent e, Batch b"
                    + " where b.id = e.batchRef and e.id in :ids";
            case "Deviation" -> "select d.id, b.batchId, d.deviationId, '' from Deviation d, Batch b"
                    + " where b.id = d.batchRef and d.id in :ids";
            case "GateRefusal" -> "select r.id, b.batchId, r.stepId, r.refusedTo from GateRefusal r, Batch b"
                    + " where b.id = r.batchRef and r.id in :ids";
            case "GateOverride" -> "select o.id, b.batchId, o.stepId, cast(o.seq as string) from GateOverride o, Batch b"
                    + " where b.id = o.batchRef and o.id in :ids";
            case "OperationEvent" -> "select e.id, b.batchId, e.operationId, cast(e.seq as string) from OperationEvent e,"
                    + " Batch b where b.id = e.batchRef and e.id in :ids";
            default -> null;
        };
        if (query == null) {
            return names;
        }
        for (Object[] row : em.createQuery(query, Object[].class).setParameter("ids", keys).getResultList()) {
            String batch = "batch " + row[1];
            String name = switch (entityType) {
                case "BatchStep" -> "step " + row[2] + " of " + batch;
                case "StepEntry" -> "entry " + row[3] + " of step " + row[2] + " of " + batch;
                case "BatchEvent" -> "status change " + row[2] + " of " + batch;
                case "Deviation" -> "deviation " + row[2] + " of " + batch;
                case "GateRefusal" -> "refusal of " + row[3] + " at step " + row[2] + " of " + batch;
                case "GateOverride" -> "gate override " + row[3] + " (step " + row[2] + ") of " + batch;
                case "OperationEvent" -> "operation event " + row[3] + " (operation " + row[2] + ") of " + batch;
                default -> batch;
            };
            names.put(row[0].toString(), name);
        }
        return names;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notABatchRecordId) {
            return null;
        }
    }
}
