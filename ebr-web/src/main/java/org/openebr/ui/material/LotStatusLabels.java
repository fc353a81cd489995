package org.openebr.ui.material;

import java.util.Map;

/** The words a status badge of a lot shows. */
final class LotStatusLabels {

    private static final Map<String, String> LABELS = Map.of(
            "QUARANTINE", "Quarantine",
            "RELEASED", "Released",
            "REJECTED", "Rejected",
            "BLOCKED", "Blocked",
            "EXPIRED", "Expired");

    private LotStatusLabels() {
    }

    static String label(String status) {
        return LABELS.getOrDefault(status, status);
    }
}
