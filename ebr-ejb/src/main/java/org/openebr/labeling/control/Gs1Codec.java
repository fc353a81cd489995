package org.openebr.labeling.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.ScanRefused;
import org.openebr.labeling.boundary.ScanRefused.Reason;

/**
 * GS1 element strings (GS1 General Specifications 23.0, sections 3 and 7.8) for the four
 * application identifiers a container label needs: (01) GTIN-14, (10) batch/lot, (17) expiry date
 * and (21) serial number. Reads both forms a scanner or a person types: the element string as a
 * barcode holds it (fixed-length elements back to back, a variable-length one ended by FNC1, which
 * a keyboard-wedge scanner types as the group separator GS, character 29, or by the end), and the
 * human-readable form with the identifiers in parentheses. Writes the element string a label's
 * DataMatrix encodes.
 *
 * <p>Anything else is refused with its own message: a wrong check digit, a date no calendar has,
 * an identifier OpenEBR does not read (its length is unknown, so nothing after it could be read
 * safely), a code that ends inside an element, a character GS1 does not allow.
 */
public final class Gs1Codec {

    /** The group separator a scanner types for FNC1 between elements. */
    public static final char GS = '\u001d';

    /** Variable-length elements hold at most 20 characters of GS1's character set 82. */
    static final int MAX_VARIABLE = 20;

    private static final Map<String, Element> ELEMENTS = Map.of(
            "01", new Element("01", "GTIN", 14, true),
            "17", new Element("17", "expiry date", 6, true),
            "10", new Element("10", "batch/lot", MAX_VARIABLE, false),
            "21", new Element("21", "serial number", MAX_VARIABLE, false));

    /** GS1 character set 82 (General Specifications figure 7.11-1): no space, no control character. */
    private static final Pattern CSET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]+");
    private static final Pattern HUMAN_READABLE_AI = Pattern.compile("\\((\\d{2,4})\\)");

    private final int currentYear;

    /** @param today the date that decides the century of a two-digit year (section 7.12) */
    public Gs1Codec(LocalDate today) {
        this.currentYear = today.getYear();
    }

    /** One application identifier OpenEBR reads. */
    private record Element(String ai, String name, int length, boolean fixed) {
    }

    /** One element as found in the input, before it is checked. */
    private record Field(Element element, String value) {
    }

    /**
     * Reads an element string as a barcode holds it, the symbology identifier ({@code ]d2}) and
     * the leading FNC1 already taken off; elements separated by GS where one of variable length is
     * followed by another.
     */
    public Gs1Code parseElementString(String data) {
        List<Field> fields = new ArrayList<>();
        int position = 0;
        while (position < data.length()) {
            if (data.charAt(position) == GS) { // a separator after a fixed-length element is allowed, if needless
                position++;
                continue;
            }
            Element element = element(data, position);
            int start = position + element.ai().length();
            String value;
            if (element.fixed()) {
                int end = Math.min(start + element.length(), data.length());
                value = data.substring(start, end);
                int separator = value.indexOf(GS);
                if (separator >= 0) {
                    value = value.substring(0, separator);
                }
                if (value.length() < element.length()) {
                    throw truncated(element, value);
                }
                position = end;
            } else {
                int end = data.indexOf(GS, start);
                end = end < 0 ? data.length() : end;
                value = data.substring(start, end);
                position = end;
            }
            fields.add(new Field(element, value));
        }
        return code(fields);
    }

    /** Reads the human-readable form, {@code (01)04012345000010(17)271231(10)L-2026-000123(21)C-0001}. */
    public Gs1Code parseHumanReadable(String text) {
        String compact = text.strip();
        Matcher ai = HUMAN_READABLE_AI.matcher(compact);
        List<Field> fields = new ArrayList<>();
        int expected = 0;
        int[] previous = null;
        String previousAi = null;
        while (ai.find()) {
            if (previous == null && ai.start() != 0) {
                break;
            }
            if (previous != null) {
                fields.add(field(previousAi, compact.substring(previous[1], ai.start())));
            }
            previous = new int[] {ai.start(), ai.end()};
            previousAi = ai.group(1);
            expected = ai.end();
        }
        if (previous == null) {
            throw new ScanRefused(Reason.MALFORMED, "'" + visible(text) + "' is not a GS1 code in parentheses form:"
                    + " it must start with an application identifier such as (01)");
        }
        fields.add(field(previousAi, compact.substring(expected)));
        return code(fields);
    }

    private Field field(String ai, String rawValue) {
        Element element = ELEMENTS.get(ai);
        if (element == null) {
            throw unknown("(" + ai + ")");
        }
        String value = rawValue.strip();
        if (element.fixed() && value.length() < element.length()) {
            throw truncated(element, value);
        }
        if (element.fixed() && value.length() > element.length()) {
            throw new ScanRefused(Reason.MALFORMED, "(" + ai + ") " + element.name() + " has " + element.length()
                    + " digits, not " + value.length() + ": '" + visible(value) + "'");
        }
        return new Field(element, value);
    }

    private Element element(String data, int position) {
        if (position + 2 > data.length()) {
            throw new ScanRefused(Reason.TRUNCATED, "the GS1 code ends inside an application identifier: '"
                    + visible(data.substring(position)) + "' at its end (the scan is incomplete)");
        }
        String ai = data.substring(position, position + 2);
        Element element = ELEMENTS.get(ai);
        if (element == null) {
            if (!Character.isDigit(ai.charAt(0)) || !Character.isDigit(ai.charAt(1))) {
                throw new ScanRefused(Reason.MALFORMED, "the GS1 code has '" + visible(ai) + "' at position "
                        + (position + 1) + " where an application identifier (digits) must start");
            }
            throw unknown("'" + visible(data.substring(position, Math.min(position + 4, data.length()))) + "...' at position "
                    + (position + 1));
        }
        return element;
    }

    private Gs1Code code(List<Field> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : fields) {
            Element element = field.element();
            if (values.containsKey(element.ai())) {
                throw new ScanRefused(Reason.MALFORMED, "the GS1 code holds (" + element.ai() + ") "
                        + element.name() + " twice");
            }
            values.put(element.ai(), check(element, field.value()));
        }
        String gtin = values.get("01");
        if (gtin == null) {
            throw new ScanRefused(Reason.MALFORMED, "the GS1 code has no GTIN (01): OpenEBR reads a lot or a"
                    + " container only together with the GTIN of its material");
        }
        String expiry = values.get("17");
        return new Gs1Code(gtin, values.get("10"), expiry == null ? null : date(expiry), values.get("21"));
    }

    private static String check(Element element, String value) {
        if (value.isEmpty()) {
            throw new ScanRefused(Reason.TRUNCATED, "(" + element.ai() + ") " + element.name()
                    + " is empty (the scan is incomplete)");
        }
        if (element.fixed()) {
            if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new ScanRefused(Reason.MALFORMED, "(" + element.ai() + ") " + element.name()
                        + " must be " + element.length() + " digits, not '" + visible(value) + "'");
            }
            if (element.ai().equals("01") && !validGtin(value)) {
                throw new ScanRefused(Reason.CHECK_DIGIT, "GTIN " + value + " has a wrong check digit: "
                        + value.charAt(13) + " where " + checkDigit(value.substring(0, 13)) + " belongs (a misread"
                        + " or a wrongly printed label)");
            }
            return value;
        }
        if (value.length() > MAX_VARIABLE) {
            throw new ScanRefused(Reason.MALFORMED, "(" + element.ai() + ") " + element.name() + " '" + visible(value)
                    + "' is longer than " + MAX_VARIABLE + " characters (a missing group separator?)");
        }
        if (!CSET_82.matcher(value).matches()) {
            throw new ScanRefused(Reason.MALFORMED, "(" + element.ai() + ") " + element.name() + " '" + visible(value)
                    + "' holds a character GS1 does not allow (letters, digits and !\"%&'()*+,-./:;<=>?_ only)");
        }
        return value;
    }

    /**
     * YYMMDD: the century by GS1's sliding window (section 7.12: up to 50 years ahead, 49 back), a
     * day 00 the last day of the month (a product that expires "in June 2027").
     */
    LocalDate date(String yymmdd) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        int century = currentYear / 100 * 100;
        int difference = yy - currentYear % 100;
        if (difference >= 51) {
            century -= 100;
        } else if (difference <= -50) {
            century += 100;
        }
        try {
            YearMonth yearMonth = YearMonth.of(century + yy, month);
            return day == 0 ? yearMonth.atEndOfMonth() : yearMonth.atDay(day);
        } catch (DateTimeException impossible) {
            throw new ScanRefused(Reason.IMPOSSIBLE_DATE, "(17) expiry date " + yymmdd + " is no date: "
                    + (month < 1 || month > 12 ? "there is no month " + month
                            : YearMonth.of(century + yy, month) + " has no day " + day));
        }
    }

    /** The element string a label's DataMatrix encodes, fixed-length elements first, GS only where needed. */
    public static String elementString(Gs1Code code) {
        if (!validGtin(code.gtin())) {
            throw new IllegalArgumentException("GTIN " + code.gtin() + " is not a valid GTIN-14");
        }
        StringBuilder data = new StringBuilder("01").append(code.gtin());
        if (code.expiry() != null) {
            data.append("17").append(yymmdd(code.expiry()));
        }
        if (code.lot() != null) {
            data.append("10").append(checkedVariable("10", code.lot()));
        }
        if (code.serial() != null) {
            if (code.lot() != null) {
                data.append(GS);
            }
            data.append("21").append(checkedVariable("21", code.serial()));
        }
        return data.toString();
    }

    /** A date as (17) holds it; OpenEBR always writes the day, never 00. */
    public static String yymmdd(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

    private static String checkedVariable(String ai, String value) {
        if (value.isEmpty() || value.length() > MAX_VARIABLE || !CSET_82.matcher(value).matches()) {
            throw new IllegalArgumentException("(" + ai + ") '" + value + "' cannot be encoded: 1-" + MAX_VARIABLE
                    + " characters of GS1 character set 82");
        }
        return value;
    }

    /** Whether a value fits a variable-length element (10) or (21): what a label can carry. */
    public static boolean encodable(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_VARIABLE && CSET_82.matcher(value).matches();
    }

    /** A GTIN-14 (a GTIN-8, -12 or -13 padded with leading zeros) whose last digit is its check digit. */
    public static boolean validGtin(String gtin) {
        return gtin != null && gtin.length() == 14 && gtin.chars().allMatch(c -> c >= '0' && c <= '9')
                && gtin.charAt(13) == checkDigit(gtin.substring(0, 13));
    }

    /** GS1's modulo-10 check digit: weights 3 and 1 alternating from the right (section 7.9.1). */
    public static char checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static ScanRefused truncated(Element element, String value) {
        return new ScanRefused(Reason.TRUNCATED, "(" + element.ai() + ") " + element.name() + " needs "
                + element.length() + " digits and has " + value.length() + (value.isEmpty() ? "" : " ('" + visible(value) + "')")
                + ": the scan is incomplete");
    }

    private static ScanRefused unknown(String what) {
        return new ScanRefused(Reason.UNKNOWN_AI, "the GS1 code holds an application identifier OpenEBR does not read: "
                + what + " (it reads (01) GTIN, (10) batch/lot, (17) expiry date and (21) serial number)");
    }

    /** Text as it may be shown in a message: control characters named, at most 80 characters. */
    public static String visible(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> {
            if (c == GS) {
                shown.append("<GS>");
            } else if (Character.isISOControl(c)) {
                shown.append(String.format("<U+%04X>", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > 80) {
            shown.append("...");
        }
        return shown.toString();
    }
}
