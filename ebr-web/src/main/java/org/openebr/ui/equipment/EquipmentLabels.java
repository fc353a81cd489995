package org.openebr.ui.equipment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.openebr.equipment.boundary.EquipmentViews.EquipmentSummary;
import org.openebr.platform.control.SiteSettings;

/** The words the equipment screens show for codes, and the one status a person reads for a unit. */
@Named("equipmentLabels")
@ApplicationScoped
public class EquipmentLabels {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("CLEAN", "Clean"), Map.entry("IN_USE", "In use"), Map.entry("DIRTY", "Dirty"),
            Map.entry("MAINTENANCE", "Maintenance"), Map.entry("OUT_OF_SERVICE", "Out of service"),
            Map.entry("QUALIFIED", "Qualified"), Map.entry("NOT_QUALIFIED", "Not qualified"),
            Map.entry("REGISTERED", "Registered"), Map.entry("STATUS", "Status"), Map.entry("USE", "Use"),
            Map.entry("OCCUPIED", "Taken by batch"), Map.entry("RELEASED", "Released by batch"),
            Map.entry("CLEANING", "Cleaning"), Map.entry("CLEANING_VERIFIED", "Cleaning verified"),
            Map.entry("CALIBRATION", "Calibration"), Map.entry("QUALIFICATION", "Qualification"),
            Map.entry("HOLD_EXPIRED", "Clean-hold expired"), Map.entry("DIRTY_HOLD", "Dirty, hold exceeded"),
            Map.entry("OVERDUE", "Calibration overdue"));

    /** Short: a board shows many; the zone is named in the page footer and by its abbreviation here. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    @Inject
    SiteSettings settings;

    public String words(String code) {
        return code == null ? "" : WORDS.getOrDefault(code, code);
    }

    /**
     * The status a person must read first: a clean unit past its clean-hold is not clean for use, a
     * dirty one past its dirty-hold is flagged; else the recorded status.
     */
    public String shownStatus(EquipmentSummary unit) {
        if (unit.cleanHoldExpired()) {
            return "HOLD_EXPIRED";
        }
        if (unit.dirtyHoldExceeded()) {
            return "DIRTY_HOLD";
        }
        return unit.status();
    }

    public String time(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(settings.zone()));
    }
}
