package org.openebr.labeling.boundary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The GS1 data a container label carries and a scan reads: GTIN (01), batch/lot (10), expiry date
 * (17) and serial number (21). Only the GTIN is required; a lot-level code has no serial.
 *
 * @param gtin   the GTIN-14, check digit verified
 * @param lot    the batch/lot number (10), or {@code null}
 * @param expiry the expiry date (17), a day 00 already read as the month's last day, or {@code null}
 * @param serial the serial number (21): on an OpenEBR label the container id; or {@code null}
 */
public record Gs1Code(String gtin, String lot, LocalDate expiry, String serial) {

    public Gs1Code {
        Objects.requireNonNull(gtin, "gtin");
    }

    /** The code as people read it under a barcode: {@code (01)04012345000010(17)271231(10)L-2026-000123}. */
    public String humanReadable() {
        StringBuilder text = new StringBuilder("(01)").append(gtin);
        if (expiry != null) {
            text.append("(17)").append(String.format("%02d%02d%02d", expiry.getYear() % 100, expiry.getMonthValue(),
                    expiry.getDayOfMonth()));
        }
        if (lot != null) {
            text.append("(10)").append(lot);
        }
        if (serial != null) {
            text.append("(21)").append(serial);
        }
        return text.toString();
    }

    /** What was scanned, in words for a refusal: {@code a GS1 code of GTIN 04012345000010, lot L-2026-000123}. */
    public String describe() {
        StringBuilder text = new StringBuilder("a GS1 code of GTIN ").append(gtin);
        if (lot != null) {
            text.append(", lot ").append(lot);
        }
        if (serial != null) {
            text.append(", serial ").append(serial);
        }
        return text.toString();
    }
}
