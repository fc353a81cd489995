package org.openebr.labeling.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.ScanKind;
import org.openebr.labeling.boundary.ScanRefused;
import org.openebr.labeling.boundary.ScanRefused.Reason;
import org.openebr.labeling.boundary.ScanTarget;
import org.openebr.labeling.boundary.Scanned;

/**
 * Turns what a scanner typed into the one container, lot or equipment unit it names. A
 * keyboard-wedge scanner types the code as keystrokes, often ending with Enter; it may type the
 * symbology identifier first ({@code ]d2}: a GS1 DataMatrix) and FNC1 between elements as the
 * group separator GS. People type the human-readable form with parentheses, or an internal id.
 *
 * <p>What is a GS1 code: a {@code ]d2}, {@code ]Q3}, {@code ]C1} or {@code ]e0} prefix, a GS
 * anywhere, the parentheses form, or 16 or more digits starting with 01 (the GTIN element), which
 * no OpenEBR id is. Everything else is an id.
 */
public final class ScanResolution {

    /** Symbology identifiers (ISO/IEC 15424) of the GS1 barcodes: DataMatrix, QR, GS1-128, DataBar. */
    private static final List<String> GS1_SYMBOLOGIES = List.of("]d2", "]Q3", "]C1", "]e0");
    private static final Pattern SYMBOLOGY = Pattern.compile("^\\][A-Za-z][0-9A-Za-z]");
    private static final Pattern BARE_GTIN_ELEMENT = Pattern.compile("^01\\d{14}.*", Pattern.DOTALL);
    private static final Pattern PARENTHESES_FORM = Pattern.compile("^\\(\\d{2,4}\\).*", Pattern.DOTALL);
    /** An id is printable text without spaces inside, at most 64 characters (the longest OpenEBR id). */
    private static final Pattern PLAIN_ID = Pattern.compile("[\\p{L}\\p{N}._:/#+-]{1,64}");

    private final Gs1Codec codec;
    private final List<ScanTarget> targets;

    public ScanResolution(LocalDate today, List<ScanTarget> targets) {
        this.codec = new Gs1Codec(today);
        this.targets = List.copyOf(targets);
    }

    public Scanned resolve(String typed) {
        String code = strip(typed);
        if (code.isEmpty()) {
            throw new ScanRefused(Reason.UNKNOWN_CODE, "the scan is empty: nothing was read");
        }
        String symbology = symbology(code);
        if (symbology != null) {
            String data = code.substring(symbology.length());
            if (GS1_SYMBOLOGIES.contains(symbology)) {
                return byGs1(codec.parseElementString(withoutLeadingSeparator(data)));
            }
            return byId(data, code); // e.g. ]d1: a plain DataMatrix holding an id
        }
        if (PARENTHESES_FORM.matcher(code).matches()) {
            return byGs1(codec.parseHumanReadable(code));
        }
        if (code.indexOf(Gs1Codec.GS) >= 0 || BARE_GTIN_ELEMENT.matcher(code).matches()) {
            return byGs1(codec.parseElementString(withoutLeadingSeparator(code)));
        }
        return byId(code, code);
    }

    private Scanned byGs1(Gs1Code code) {
        List<Scanned> found = matches(target -> target.byGs1(code));
        if (found.isEmpty()) {
            ScanKind wanted = code.serial() != null ? ScanKind.CONTAINER : ScanKind.LOT;
            throw new ScanRefused(Reason.NO_MATCH, code.describe() + ": no " + wanted.words() + " of it in OpenEBR"
                    + (code.serial() != null ? " (the serial is not a container of this material)"
                            : " (the lot is not one of this material)"));
        }
        return single(found, code.describe()).from(code);
    }

    private Scanned byId(String id, String typed) {
        if (!PLAIN_ID.matcher(id).matches()) {
            throw new ScanRefused(Reason.UNKNOWN_CODE, "not a code OpenEBR knows: '" + Gs1Codec.visible(typed) + "'");
        }
        List<Scanned> found = matches(target -> target.byId(id));
        if (found.isEmpty()) {
            throw new ScanRefused(Reason.UNKNOWN_CODE, "not a code OpenEBR knows: '" + Gs1Codec.visible(typed)
                    + "' is no container, lot or equipment unit");
        }
        return single(found, "'" + id + "'");
    }

    private List<Scanned> matches(Function<ScanTarget, Optional<Scanned>> lookup) {
        List<Scanned> found = new ArrayList<>();
        for (ScanTarget target : targets) {
            lookup.apply(target).ifPresent(found::add);
        }
        return found;
    }

    private static Scanned single(List<Scanned> found, String what) {
        if (found.size() > 1) {
            throw new ScanRefused(Reason.AMBIGUOUS, what + " names " + found.size() + " things: "
                    + String.join(", ", found.stream().map(Scanned::description).toList())
                    + "; scan the container's or the unit's own label");
        }
        return found.get(0);
    }

    /** Enter, tab and spaces a wedge or a person adds around the code. */
    private static String strip(String typed) {
        return typed == null ? "" : typed.strip();
    }

    private static String symbology(String code) {
        return SYMBOLOGY.matcher(code).find() ? code.substring(0, 3) : null;
    }

    /** Some scanners type the FNC1 in first position too, as a leading GS. */
    private static String withoutLeadingSeparator(String data) {
        return !data.isEmpty() && data.charAt(0) == Gs1Codec.GS ? data.substring(1) : data;
    }
}
