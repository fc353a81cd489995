package org.openebr.labeling.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.ScanRefused;
import org.openebr.labeling.boundary.ScanRefused.Reason;

class Gs1CodecTest {

    private static final char GS = Gs1Codec.GS;
    private static final String GTIN = "04012345000016";
    private final Gs1Codec codec = new Gs1Codec(LocalDate.of(2026, 12, 3));

    @Test
    void readsAllFourElementsWithAGroupSeparatorAfterTheLot() {
        Gs1Code code = codec.parseElementString("01" + GTIN + "17271231" + "10L-2026-000123" + GS + "21C-2026-000123-01");

        assertThat(code).isEqualTo(new Gs1Code(GTIN, "L-2026-000123", LocalDate.of(2027, 12, 31), "C-2026-000123-01"));
    }

    @Test
    void readsElementsInAnyOrderAndAVariableElementEndedByTheEnd() {
        Gs1Code code = codec.parseElementString("10DP2311-0457" + GS + "01" + GTIN + "17280600");

        assertThat(code).isEqualTo(new Gs1Code(GTIN, "DP2311-0457", LocalDate.of(2028, 6, 30), null));
    }

    @Test
    void toleratesASeparatorAfterAFixedLengthElement() {
        assertThat(codec.parseElementString("01" + GTIN + GS + "10A1").lot()).isEqualTo("A1");
    }

    @Test
    void readsTheHumanReadableForm() {
        Gs1Code code = codec.parseHumanReadable("(01)" + GTIN + "(17)271231(10)L-2026-000123(21)C-1");

        assertThat(code).isEqualTo(new Gs1Code(GTIN, "L-2026-000123", LocalDate.of(2027, 12, 31), "C-1"));
        assertThat(code.humanReadable()).isEqualTo("(01)" + GTIN + "(17)271231(10)L-2026-000123(21)C-1");
    }

    @Test
    void theHumanReadableFormMayHaveSpacesAroundValues() {
        assertThat(codec.parseHumanReadable("(01) " + GTIN + " (10) L-7 ").lot()).isEqualTo("L-7");
    }

    @Test
    void writesFixedElementsFirstAndASeparatorOnlyAfterTheLot() {
        Gs1Code code = new Gs1Code(GTIN, "L-2026-000123", LocalDate.of(2027, 2, 28), "C-9");

        String data = Gs1Codec.elementString(code);

        assertThat(data).isEqualTo("01" + GTIN + "17270228" + "10L-2026-000123" + GS + "21C-9");
        assertThat(codec.parseElementString(data)).isEqualTo(code);
        assertThat(Gs1Codec.elementString(new Gs1Code(GTIN, null, null, "C-9"))).isEqualTo("01" + GTIN + "21C-9");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // day 00: the last day of the month, leap years included
            "270600, 2027-06-30", "280200, 2028-02-29", "270200, 2027-02-28", "271200, 2027-12-31",
            // boundaries of month and day
            "270101, 2027-01-01", "271231, 2027-12-31", "280229, 2028-02-29", "270430, 2027-04-30",
            // the century window (section 7.12) seen from 2026: up to 50 years ahead, 49 back
            "760101, 2076-01-01", "770101, 1977-01-01", "000101, 2000-01-01", "990101, 1999-01-01"})
    void readsDates(String yymmdd, LocalDate expected) {
        assertThat(codec.parseElementString("01" + GTIN + "17" + yymmdd).expiry()).isEqualTo(expected);
    }

    @Test
    void theCenturyWindowMovesWithToday() {
        // Seen from 2080, 30 is 2130 (50 ahead) and 31 is 2031 (49 back).
        Gs1Codec later = new Gs1Codec(LocalDate.of(2080, 1, 1));
        assertThat(later.date("300101")).isEqualTo(LocalDate.of(2130, 1, 1));
        assertThat(later.date("310101")).isEqualTo(LocalDate.of(2031, 1, 1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "271301, there is no month 13",
            "270001, there is no month 0",
            "270230, 2027-02 has no day 30",
            "270229, 2027-02 has no day 29",
            "270431, 2027-04 has no day 31",
            "271232, 2027-12 has no day 32"})
    void refusesImpossibleDates(String yymmdd, String why) {
        assertRefused("01" + GTIN + "17" + yymmdd, Reason.IMPOSSIBLE_DATE, "(17) expiry date " + yymmdd + " is no date: " + why);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"04012345000017, 6", "04012345000015, 6", "14012345000016, 3", "04012345000062, 1"})
    void refusesAWrongCheckDigit(String gtin, char right) {
        assertRefused("01" + gtin, Reason.CHECK_DIGIT, "GTIN " + gtin + " has a wrong check digit: " + gtin.charAt(13)
                + " where " + right + " belongs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "04012345000016|true", "00000000000000|true", "40123450000108|false", "0401234500001|false",
            "040123450000160|false", "0401234500001A|false"})
    void checksGtins(String gtin, boolean valid) {
        assertThat(Gs1Codec.validGtin(gtin)).isEqualTo(valid);
    }

    static Stream<Arguments> truncated() {
        return Stream.of(
                Arguments.of("01040123450000", "(01) GTIN needs 14 digits and has 12"),
                Arguments.of("01", "(01) GTIN needs 14 digits and has 0"),
                Arguments.of("01" + GTIN + "1727", "(17) expiry date needs 6 digits and has 2"),
                Arguments.of("01" + GTIN + "172712" + GS + "10A", "(17) expiry date needs 6 digits and has 4"),
                Arguments.of("01" + GTIN + "1", "the GS1 code ends inside an application identifier: '1'"),
                Arguments.of("01" + GTIN + "10", "(10) batch/lot is empty"),
                Arguments.of("01" + GTIN + "10" + GS + "21C-1", "(10) batch/lot is empty"),
                Arguments.of("01" + GTIN + "10A" + GS + "21", "(21) serial number is empty"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void truncated(String data, String message) {
        assertRefused(data, Reason.TRUNCATED, message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"11261203", "00123456789012345675", "240ABC", "9912"})
    void refusesApplicationIdentifiersItDoesNotRead(String element) {
        assertRefused("01" + GTIN + element, Reason.UNKNOWN_AI, "an application identifier OpenEBR does not read: '"
                + element.substring(0, 4) + "...' at position 17");
        assertRefused("(01)" + GTIN + "(" + element.substring(0, 2) + ")1", Reason.UNKNOWN_AI,
                "(" + element.substring(0, 2) + ") (it reads (01) GTIN");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("01" + GTIN + "10" + "A".repeat(21), "(10) batch/lot 'AAAAAAAAAAAAAAAAAAAAA' is longer than 20"),
                Arguments.of("01" + GTIN + "10L 1", "(10) batch/lot 'L 1' holds a character GS1 does not allow"),
                Arguments.of("01" + GTIN + "21C#1", "(21) serial number 'C#1' holds a character GS1 does not allow"),
                Arguments.of("01" + GTIN + "1727A231", "(17) expiry date must be 6 digits, not '27A231'"),
                Arguments.of("01" + GTIN + "01" + GTIN, "holds (01) GTIN twice"),
                Arguments.of("10L-1", "has no GTIN (01)"),
                Arguments.of("01" + GTIN + "AB", "has 'AB' at position 17 where an application identifier"),
                Arguments.of("(01)" + GTIN + "5", "(01) GTIN has 14 digits, not 15"),
                Arguments.of("01 + GTIN", "is not a GS1 code in parentheses form"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void malformed(String data, String message) {
        assertRefused(data, Reason.MALFORMED, message);
    }

    @Test
    void aVariableElementOfExactlyTwentyCharactersIsAllowed() {
        assertThat(codec.parseElementString("01" + GTIN + "10" + "A".repeat(20)).lot()).hasSize(20);
    }

    @Test
    void showsControlCharactersInMessages() {
        assertThat(Gs1Codec.visible("A" + GS + "B\u0007")).isEqualTo("A<GS>B<U+0007>");
        assertThat(Gs1Codec.visible("X".repeat(81))).endsWith("X...").hasSize(83);
    }

    @Test
    void refusesToWriteWhatNoScannerCouldReadBack() {
        assertThatThrownBy(() -> Gs1Codec.elementString(new Gs1Code("04012345000017", "L", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gs1Codec.elementString(new Gs1Code(GTIN, "L 1", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gs1Codec.elementString(new Gs1Code(GTIN, null, null, "X".repeat(21))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(String data, Reason reason, String message) {
        assertThatThrownBy(() -> {
            if (data.startsWith("(") || data.contains(" + ")) {
                codec.parseHumanReadable(data);
            } else {
                codec.parseElementString(data);
            }
        })
                .isInstanceOfSatisfying(ScanRefused.class, refused -> assertThat(refused.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }
}
