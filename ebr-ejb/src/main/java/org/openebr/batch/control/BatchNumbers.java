package org.openebr.batch.control;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batch numbers from a configurable pattern, e.g. {@code B-{yyyy}-{seq:4}} gives B-2026-0001. The
 * pattern's date parts ({yyyy}, {yy}, {MM}) make the numbering period: the counter starts again at 1
 * in each (a new year). {seq:N} is the number, zero-padded to N digits (more when it outgrows them).
 */
public final class BatchNumbers {

    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d))?}");
    private static final Pattern ALLOWED = Pattern.compile("([A-Za-z0-9/_.-]|\\{yyyy}|\\{yy}|\\{MM}|\\{seq(?::\\d)?})+");

    /** A batch number is printed on labels and referenced by genealogy edges and container events (24 characters). */
    public static final int MAX_LENGTH = 24;

    private final String pattern;

    public BatchNumbers(String pattern) {
        if (pattern == null || !ALLOWED.matcher(pattern).matches()) {
            throw new IllegalArgumentException("a batch number pattern is letters, digits, - _ . / and the parts"
                    + " {yyyy}, {yy}, {MM} and {seq} or {seq:N}, e.g. B-{yyyy}-{seq:4}; not: " + pattern);
        }
        Matcher seq = SEQ.matcher(pattern);
        if (!seq.find() || seq.find()) {
            throw new IllegalArgumentException("a batch number pattern has exactly one {seq} part: " + pattern);
        }
        this.pattern = pattern;
        if (number(LocalDate.of(2026, 12, 31), 99_999).length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a batch number pattern makes numbers of at most " + MAX_LENGTH
                    + " characters (with 5 digits of {seq}): " + pattern);
        }
    }

    /** The numbering period a day falls in: the pattern with its date parts filled in. */
    public String period(LocalDate day) {
        return dates(pattern, day);
    }

    public String number(LocalDate day, int seq) {
        Matcher m = SEQ.matcher(dates(pattern, day));
        m.find();
        int width = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
        String digits = String.format("%0" + width + "d", seq);
        return m.replaceFirst(Matcher.quoteReplacement(digits));
    }

    private static String dates(String text, LocalDate day) {
        return text.replace("{yyyy}", String.format("%04d", day.getYear()))
                .replace("{yy}", String.format("%02d", day.getYear() % 100))
                .replace("{MM}", String.format("%02d", day.getMonthValue()));
    }
}
