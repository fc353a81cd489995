package org.openebr.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JCS is a published contract (RFC 8785): these tests pin the bytes, several from the RFC's own examples. */
class CanonicalJsonTest {

    enum Meaning { APPROVED }

    record Signer(String userName, String printedName) {
    }

    record Signature(String recordType, Signer signer, Meaning meaning, Instant signedAt) {
    }

    record Monitoring(boolean gradeA, boolean excursion, String note) {
    }

    private static final Instant SIGNED_AT = Instant.parse("2024-03-14T09:26:53.589Z");

    @Test
    void members_are_sorted_by_utf16_code_units_as_in_rfc_8785_section_3_2_3() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("\u20ac", "Euro Sign");
        members.put("\r", "Carriage Return");
        members.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        members.put("1", "One");
        members.put("\ud83d\ude00", "Emoji: Grinning Face");
        members.put("\u0080", "Control");
        members.put("\u00f6", "Latin Small Letter O With Diaeresis");

        // the emoji's high surrogate (0xd83d) sorts before U+FB33 although its code point is higher
        assertThat(CanonicalJson.canonicalString(members)).isEqualTo("{"
                + "\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\","
                + "\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void numbers_are_written_as_ecmascript_does_as_in_the_rfc_8785_table() {
        assertNumber(0x0000000000000000L, "0");
        assertNumber(0x8000000000000000L, "0");
        assertNumber(0x0000000000000001L, "5e-324");
        assertNumber(0x8000000000000001L, "-5e-324");
        assertNumber(0x7fefffffffffffffL, "1.7976931348623157e+308");
        assertNumber(0xffefffffffffffffL, "-1.7976931348623157e+308");
        assertNumber(0x4340000000000000L, "9007199254740992");
        assertNumber(0xc340000000000000L, "-9007199254740992");
        assertNumber(0x4430000000000000L, "295147905179352830000");
        assertNumber(0x44b52d02c7e14af5L, "9.999999999999997e+22");
        assertNumber(0x44b52d02c7e14af6L, "1e+23");
        assertNumber(0x44b52d02c7e14af7L, "1.0000000000000001e+23");
        assertNumber(0x444b1ae4d6e2ef4eL, "999999999999999700000");
        assertNumber(0x444b1ae4d6e2ef4fL, "999999999999999900000");
        assertNumber(0x444b1ae4d6e2ef50L, "1e+21");
        assertNumber(0x3eb0c6f7a0b5ed8cL, "9.999999999999997e-7");
        assertNumber(0x3eb0c6f7a0b5ed8dL, "0.000001");
        assertNumber(0x41b3de4355555553L, "333333333.3333332");
        assertNumber(0x41b3de4355555554L, "333333333.33333325");
        assertNumber(0x41b3de4355555555L, "333333333.3333333");
        assertNumber(0x41b3de4355555556L, "333333333.3333334");
        assertNumber(0x41b3de4355555557L, "333333333.33333343");
        assertNumber(0xbecbf647612f3696L, "-0.0000033333333333333333");
        assertNumber(0x43143ff3c1cb0959L, "1424953923781206.2");
    }

    @Test
    void numbers_switch_to_exponent_form_where_ecmascript_does() {
        assertThat(CanonicalJson.canonicalString(List.of(1e21, 1e20, 1e-7, 1e-6, 1.5, -2.0, 100.0, 123e-9)))
                .isEqualTo("[1e+21,100000000000000000000,1e-7,0.000001,1.5,-2,100,1.23e-7]");
    }

    @Test
    void doubles_get_the_shortest_digits_where_java_17_double_to_string_gives_more() {
        // Java 17 prints these as 2.82879384806159008E17, 1.9999999999999998E23 and 9.999999999999999E22 (JDK-4511638)
        assertThat(CanonicalJson.canonicalString(List.of(2.82879384806159E17, 2e23, 1e23)))
                .isEqualTo("[282879384806159000,2e+23,1e+23]");
    }

    @Test
    void integers_and_decimals_are_written_as_the_numbers_they_denote() {
        assertThat(CanonicalJson.canonicalString(List.of(
                (short) -7, 42, 9_007_199_254_740_992L, BigInteger.valueOf(-9_007_199_254_740_992L),
                new BigDecimal("2.50"), new BigDecimal("1E+3"), new BigDecimal("0.1"), new BigDecimal("-0.000"))))
                .isEqualTo("[-7,42,9007199254740992,-9007199254740992,2.5,1000,0.1,0]");
    }

    @Test
    void numbers_a_double_cannot_hold_exactly_are_refused_with_their_path() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(Map.of("values", List.of(1, 2, 9_007_199_254_740_993L))))
                .withMessageStartingWith("$.values[2]: 9007199254740993 is beyond ±2^53");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(List.of(BigInteger.TWO.pow(64))))
                .withMessageStartingWith("$[0]: 18446744073709551616 is beyond ±2^53");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(Map.of("mass", new BigDecimal("0.10000000000000001"))))
                .withMessageStartingWith("$.mass: 0.10000000000000001 has no exact JSON number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(Long.MIN_VALUE))
                .withMessageStartingWith("$: -9223372036854775808 is beyond ±2^53");
        for (double notFinite : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CanonicalJson.canonicalize(List.of(0.5, notFinite)))
                    .withMessageStartingWith("$[1]: ").withMessageEndingWith("has no JSON form");
        }
    }

    @Test
    void strings_get_only_the_escapes_rfc_8785_allows_everything_else_literally_in_utf_8() {
        String value = "\"\\/\b\f\n\r\t\u0000\u001f\u007f é € \u2028\u2029 \ud83d\ude00";

        byte[] canonical = CanonicalJson.canonicalize(value);

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(
                "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é € \u2028\u2029 \ud83d\ude00\"");
        assertThat(canonical).endsWith(0x20, 0xf0, 0x9f, 0x98, 0x80, '"');
    }

    @Test
    void a_lone_surrogate_is_refused_with_its_path() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(Map.of("comment", List.of("ok", "vial \ud83d"))))
                .withMessage("$.comment[1]: lone surrogate U+D83D at index 5 has no UTF-8 form");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(Map.of("\ude00", 1)))
                .withMessageStartingWith("$.\ude00: lone surrogate U+DE00");
    }

    @Test
    void a_signed_step_gives_the_same_bytes_whatever_the_insertion_order() {
        Signature asRecord = new Signature("ACCOUNTABILITY_STATEMENT",
                new Signer("qa1", "Quentin Reviewer"), Meaning.APPROVED, SIGNED_AT);
        Map<String, Object> inOrder = new LinkedHashMap<>();
        inOrder.put("recordType", "ACCOUNTABILITY_STATEMENT");
        inOrder.put("signer", Map.of("userName", "qa1", "printedName", "Quentin Reviewer"));
        inOrder.put("meaning", "APPROVED");
        inOrder.put("signedAt", SIGNED_AT);
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(inOrder.keySet());
        Collections.reverse(names);
        names.forEach(name -> reversed.put(name, inOrder.get(name)));

        byte[] canonical = CanonicalJson.canonicalize(asRecord);

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("{"
                + "\"meaning\":\"APPROVED\","
                + "\"recordType\":\"ACCOUNTABILITY_STATEMENT\","
                + "\"signedAt\":\"2024-03-14T09:26:53.589Z\","
                + "\"signer\":{\"printedName\":\"Quentin Reviewer\",\"userName\":\"qa1\"}}");
        assertThat(CanonicalJson.canonicalize(inOrder)).isEqualTo(canonical);
        assertThat(CanonicalJson.canonicalize(reversed)).isEqualTo(canonical);
    }

    @Test
    void a_filling_record_survives_parse_and_canonicalize_unchanged() {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", "Aseptic vial filling, line 2");
        step.put("batch", UUID.fromString("6f1c2a9e-3b7d-4e0a-9c5f-2d8e1b4a7c30"));
        step.put("fillWeightsGrams", List.of(new BigDecimal("2.051"), 2.049, 2.05));
        step.put("vialsFilled", 11_988);
        step.put("vialsRejected", 12);
        step.put("environmentalMonitoring", new Monitoring(true, false, null));
        step.put("signature", new Signature("ACCOUNTABILITY_STATEMENT",
                new Signer("qa1", "Quentin Reviewer"), Meaning.APPROVED, SIGNED_AT));
        String canonical = CanonicalJson.canonicalString(step);

        Object parsed = CanonicalJson.parse(canonical);

        assertThat(CanonicalJson.canonicalString(parsed)).isEqualTo(canonical);
        assertThat(parsed).asInstanceOf(MAP)
                .containsEntry("vialsFilled", new BigDecimal("11988"))
                .containsEntry("fillWeightsGrams", List.of(new BigDecimal("2.051"), new BigDecimal("2.049"), new BigDecimal("2.05")))
                .containsEntry("batch", "6f1c2a9e-3b7d-4e0a-9c5f-2d8e1b4a7c30");
    }

    @Test
    void values_without_a_json_form_are_refused_with_their_path() {
        record Reading(String instrument, List<Object> values) {
        }
        Map<String, Object> document = Map.of("record", new Reading("balance-07", List.of(1, 2, new Object())));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(document))
                .withMessage("$.record.values[2]: a java.lang.Object has no canonical JSON form");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(Map.of("volume", 2.5f)))
                .withMessage("$.volume: a java.lang.Float has no canonical JSON form");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(Map.of("lots", Map.of(7, "A"))))
                .withMessage("$.lots: member name 7 is not a string");
    }

    @Test
    void nesting_deeper_than_64_is_refused_both_ways() {
        String deepest = "[".repeat(64) + "]".repeat(64);
        String tooDeep = "[".repeat(65) + "]".repeat(65);

        assertThat(CanonicalJson.canonicalString(CanonicalJson.parse(deepest))).isEqualTo(deepest);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.parse(tooDeep))
                .withMessage("invalid JSON at offset 64: nested deeper than 64");
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(cyclic))
                .withMessageContaining("nested deeper than 64");
    }

    @Test
    void parse_reads_strict_json_into_plain_java() {
        Object parsed = CanonicalJson.parse(" {\"a\" : [1, -0.5e2, true, false, null, \"\\u00e9\\/\\n\"], \"b\":{}} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("-0.5e2"), true, false, null, "é/\n"));
        expected.put("b", Map.of());
        assertThat(parsed).isEqualTo(expected);
        assertThat(CanonicalJson.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
    }

    @Test
    void parse_refuses_what_rfc_8259_does_not_allow_and_duplicate_names() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}"))
                .withMessage("invalid JSON at offset 7: duplicate member name a");
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.parse("{\"a\":1} x"))
                .withMessage("invalid JSON at offset 8: unexpected characters after the value");
        for (String invalid : List.of("", "01", "1.", ".5", "+1", "-", "1e", "NaN", "Infinity", "[1,]", "{\"a\":1,}",
                "{a:1}", "'a'", "\"tab\there\"", "\"\\x\"", "\"\\u12g4\"", "\"\\u+123\"", "\"open", "[1 2]",
                "tru", "nul", "\ufeff{}", "1e999999999999")) {
            assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> CanonicalJson.parse(invalid))
                    .withMessageStartingWith("invalid JSON at offset ");
        }
    }

    private static void assertNumber(long ieee754Bits, String expected) {
        assertThat(CanonicalJson.canonicalString(Double.longBitsToDouble(ieee754Bits)))
                .as("%016x", ieee754Bits).isEqualTo(expected);
    }
}
