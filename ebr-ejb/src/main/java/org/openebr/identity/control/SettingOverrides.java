package org.openebr.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openebr.identity.boundary.SystemSetting;
import org.openebr.identity.entity.SettingChangeDecision;

/**
 * The values of the system settings that approved changes set: for each setting the new value of its newest approved
 * change. Read from the database and kept for a few seconds (every server of a cluster sees an approval within
 * them; the server that approved it at once).
 */
@ApplicationScoped
public class SettingOverrides {

    private static final Duration KEEP = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    private volatile Map<String, String> approved;
    private volatile Instant readAt = Instant.MIN;

    /** The approved value of the setting, when a change of it was approved. */
    public Optional<Integer> value(SystemSetting setting) {
        Map<String, String> values = approved;
        if (values == null || Instant.now().isAfter(readAt.plus(KEEP))) {
            values = read();
            approved = values;
            readAt = Instant.now();
        }
        return Optional.ofNullable(values.get(setting.key())).map(Integer::valueOf);
    }

    /** Read again at the next question (after an approval). */
    public void forget() {
        approved = null;
    }

    private Map<String, String> read() {
        Map<String, String> values = new HashMap<>();
        em.createQuery("select c.setting, c.newValue from SettingChange c, SettingChangeDecision d"
                        + " where d.changeId = c.id and d.decision = :approved order by d.decidedAt", Object[].class)
                .setParameter("approved", SettingChangeDecision.Decision.APPROVED)
                .getResultList()
                .forEach(row -> values.put((String) row[0], (String) row[1]));
        return values;
    }
}
