package org.openebr.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax rules of a request body: UTF-8, one document, no duplicate keys, storable text, bounded depth. */
class StrictJsonTest {

    @Test
    void a_plain_document_is_read_with_its_text_unchanged() {
        StrictJson.Document document = read("{\"reason\": \"Säule geprüft – ok ✓ 😀\", \"n\": 2.10}");

        JsonObject object = document.value().asJsonObject();
        assertThat(object.getString("reason")).isEqualTo("Säule geprüft – ok ✓ 😀");
        assertThat(object.getJsonNumber("n").bigDecimalValue()).hasToString("2.10");
        assertThat(document.text()).isEqualTo("{\"reason\": \"Säule geprüft – ok ✓ 😀\", \"n\": 2.10}");
    }

    @Nested
    class Utf8 {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "C0AF",         // overlong '/' in two bytes
                "E080AF",       // overlong '/' in three bytes
                "F08080AF",     // overlong '/' in four bytes
                "C1BF",         // overlong, lead byte C1 never valid
                "EDA080",       // UTF-16 surrogate D800 encoded as UTF-8 (CESU)
                "EDBFBF",       // surrogate DFFF
                "F4908080",     // beyond U+10FFFF
                "F5808080",     // lead byte F5 never valid
                "FF",           // never valid
                "80",           // a continuation byte alone
                "C3",           // a sequence cut off before the closing quote
                "E282",         // three-byte sequence cut off
                "E9"            // ISO-8859-1 'é', what a client with the wrong charset sends
        })
        void an_invalid_sequence_in_a_string_is_refused_with_its_bytes_and_offset(String hex) {
            byte[] body = concat("{\"reason\":\"ab".getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex),
                    "\"}".getBytes(StandardCharsets.UTF_8));

            InvalidJson refused = refused(body);

            assertThat(refused.getMessage()).startsWith("The request body is not valid UTF-8: the byte")
                    .contains(" " + hex.substring(0, 2)).contains(" at byte offset 13 ").endsWith("send JSON encoded as UTF-8.");
            assertThat(refused.property()).isNull();
        }

        @Test
        void a_sequence_cut_off_at_the_very_end_is_refused() {
            byte[] body = concat("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82});

            assertThat(refused(body).getMessage()).contains("the bytes E2 82 at byte offset 9 are no UTF-8 character");
        }

        @Test
        void every_valid_length_of_sequence_is_read() {
            assertThat(read("[\"$\",\"£\",\"€\",\"\uD800\uDF48\",\"\uDBFF\uDFFF\"]").value().asJsonArray().getString(3))
                    .isEqualTo("\uD800\uDF48");
        }

        @Test
        void a_leading_byte_order_mark_is_skipped_as_rfc_8259_allows() {
            byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

            StrictJson.Document document = StrictJson.read(body);

            assertThat(document.text()).isEqualTo("{\"a\":1}");
        }

        @Test
        void a_second_byte_order_mark_is_not_skipped() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = concat(bom, bom, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

            assertThat(refused(body).getMessage())
                    .isEqualTo("The request body is not valid JSON: unexpected byte order mark (U+FEFF) at line 1, column 1.");
        }

        @Test
        void a_utf_16_body_is_refused() {
            byte[] body = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "{}".getBytes(StandardCharsets.UTF_16LE));

            assertThat(refused(body).getMessage()).startsWith("The request body is not valid UTF-8: the byte FF at byte offset 0 is");
        }
    }

    @Nested
    class EmptyAndNull {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\r\n\t "})
        void an_empty_body_asks_for_a_json_object(String body) {
            assertThat(refused(body).getMessage()).isEqualTo("The request body is empty; send a JSON object.");
        }

        @Test
        void a_bom_alone_is_an_empty_body() {
            assertThat(refused(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).getMessage())
                    .isEqualTo("The request body is empty; send a JSON object.");
        }

        @Test
        void null_is_no_command() {
            assertThat(refused(" null ").getMessage()).isEqualTo("The request body is null; send a JSON object.");
        }
    }

    @Nested
    class Syntax {

        @Test
        void a_truncated_document_says_where_it_ends() {
            assertThat(refused("{\"material\": \"X\"").getMessage())
                    .isEqualTo("The request body is not valid JSON: the document ends unexpectedly at line 1, column 17;"
                            + " is it complete?");
        }

        @Test
        void a_truncated_string_deep_in_a_large_document_says_where_it_ends() {
            String text = "{\"a\":\"" + "x".repeat(49_994);

            assertThat(refused(text).getMessage()).contains("ends unexpectedly at line 1, column 50001");
        }

        @Test
        void a_truncated_document_over_lines_counts_lines() {
            assertThat(refused("{\n  \"a\": 1,\n  \"b\": ").getMessage())
                    .contains("ends unexpectedly at line 3, column 8");
        }

        @Test
        void an_unexpected_character_is_named_with_its_place() {
            assertThat(refused("{\n  \"a\": tru}").getMessage())
                    .isEqualTo("The request body is not valid JSON: unexpected character '}' at line 2, column 11.");
            assertThat(refused("{'a': 1}").getMessage()).contains("unexpected character ''' at line 1, column 2");
            assertThat(refused("{\"a\": NaN}").getMessage()).contains("unexpected character 'N' at line 1, column 7");
            assertThat(refused("[1,]").getMessage()).contains("unexpected character ']' at line 1, column 4");
        }

        @Test
        void a_raw_line_break_in_a_string_says_how_to_write_it() {
            assertThat(refused("{\"a\": \"x\ny\"}").getMessage())
                    .contains("unexpected line break (inside a string write it as \\n) at line 1, column 9");
        }

        @Test
        void no_message_shows_the_parsers_token_names() {
            for (String broken : new String[] {"{", "{\"a\"", "{\"a\" 1}", "{,}", "[1 2]", "{\"a\":01}", "\"abc"}) {
                assertThat(refused(broken).getMessage()).as(broken)
                        .startsWith("The request body is not valid JSON: ")
                        .doesNotContain("token").doesNotContain("CURLY").doesNotContain("EOF").doesNotContain("char -1");
            }
        }
    }

    @Nested
    class TrailingData {

        @ParameterizedTest
        @ValueSource(strings = {"{\"a\":1} {\"a\":2}", "{\"a\":1}x", "{\"a\":1},", "{\"a\":1}\n\n  ]", "[1] [2]", "1 2", "\"a\" \"b\""})
        void anything_after_the_document_is_refused(String body) {
            assertThat(refused(body).getMessage()).startsWith("The request body continues after the end of the JSON document, at ")
                    .endsWith("; send exactly one JSON document.");
        }

        @Test
        void the_place_of_the_trailing_data_is_named() {
            assertThat(refused("{\"a\":1}\n\n  ]").getMessage()).contains("at line 3, column 3;");
            assertThat(refused("{\"a\":1} {\"a\":2}").getMessage()).contains("at line 1, column 9;");
        }

        @Test
        void whitespace_after_the_document_is_fine() {
            assertThat(read("{\"a\":1} \r\n\t ").value().asJsonObject().getInt("a")).isEqualTo(1);
        }

        @Test
        void trailing_data_after_a_document_larger_than_the_parsers_buffer_is_found() {
            String large = "{\"a\":\"" + "x".repeat(100_000) + "\"}";

            assertThat(refused(large + "x").getMessage()).contains("at line 1, column 100009;");
            assertThat(read(large + "  ").value().asJsonObject().getString("a")).hasSize(100_000);
        }
    }

    @Nested
    class DuplicateKeys {

        @Test
        void a_key_twice_is_refused_naming_it() {
            InvalidJson refused = refused("{\"reason\":\"a\",\"reason\":\"b\"}");

            assertThat(refused.getMessage()).isEqualTo("The request body is ambiguous: property 'reason' appears twice in"
                    + " the same object (the second at line 1, column 15); send each property once.");
            assertThat(refused.property()).isEqualTo("reason");
        }

        @Test
        void a_key_twice_in_a_nested_object_is_refused_with_its_path() {
            assertThat(refused("{\"document\":{\"numeric\":{\"unit\":\"g\",\"precision\":1,\"unit\":\"kg\"}}}").property())
                    .isEqualTo("document.numeric.unit");
        }

        @Test
        void a_key_twice_in_an_object_in_an_array_is_refused_with_its_index() {
            assertThat(refused("{\"steps\":[{\"id\":\"a\"},{\"id\":\"b\",\"name\":\"x\",\"id\":\"c\"}]}").property())
                    .isEqualTo("steps[1].id");
            assertThat(refused("[[{}],[{\"a\":1,\"a\":1}]]").property()).isEqualTo("[1][0].a");
        }

        @Test
        void the_place_of_a_second_key_with_escaped_quotes_is_its_opening_quote() {
            assertThat(refused("{\n \"a\\\"b\\\\\": 1,\n  \"a\\\"b\\\\\": 2}").getMessage()).contains("the second at line 3, column 3)");
        }

        @Test
        void a_key_twice_with_the_same_value_is_refused_too() {
            assertThat(refused("{\"a\":1,\"a\":1}").property()).isEqualTo("a");
        }

        @Test
        void the_same_key_in_different_objects_and_keys_differing_in_case_are_fine() {
            JsonValue value = read("{\"a\":{\"id\":1},\"b\":{\"id\":2},\"list\":[{\"id\":3},{\"id\":4}],\"A\":5}").value();

            assertThat(value.asJsonObject().keySet()).containsExactly("a", "b", "list", "A");
        }
    }

    @Nested
    class StorableText {

        @Test
        void a_nul_character_in_a_value_is_refused_naming_the_property() {
            InvalidJson refused = refused("{\"reason\":\"ok\\u0000DROP\"}");

            assertThat(refused.property()).isEqualTo("reason");
            assertThat(refused.getMessage()).isEqualTo("The request body does not match this resource: property 'reason':"
                    + " contains a NUL character (\\u0000), which cannot be stored; remove it.");
        }

        @Test
        void a_nul_character_in_an_array_element_is_refused_with_its_index() {
            assertThat(refused("{\"after\":[\"a\",\"\\u0000\"]}").property()).isEqualTo("after[1]");
        }

        @Test
        void a_raw_nul_byte_is_a_syntax_error() {
            assertThat(refused("{\"a\":\"x\u0000\"}").getMessage()).contains("unexpected character U+0000 at line 1, column 8");
        }

        @Test
        void a_nul_character_in_a_property_name_is_refused_without_echoing_it() {
            InvalidJson refused = refused("{\"outer\":{\"re\\u0000ason\":\"x\"}}");

            assertThat(refused.getMessage()).doesNotContain("\u0000").contains("'outer'");
            assertThat(refused.property()).isEqualTo("outer");
        }

        @Test
        void an_unpaired_surrogate_escape_is_refused() {
            assertThat(refused("{\"a\":\"x\\ud800y\"}").getMessage()).contains("property 'a': contains an unpaired surrogate (\\ud800)");
            assertThat(refused("{\"a\":\"\\udc00\"}").property()).isEqualTo("a");
            assertThat(refused("{\"a\":\"\\ud800\"}").property()).isEqualTo("a");
        }

        @Test
        void an_escaped_surrogate_pair_is_one_character() {
            assertThat(read("{\"a\":\"\\ud83d\\ude00\"}").value().asJsonObject().getString("a")).isEqualTo("😀");
        }
    }

    @Nested
    class Depth {

        @Test
        @Tag("A11-4.7-1")
        void nesting_up_to_the_limit_is_read() {
            String text = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);

            assertThat(read(text).value().getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
        }

        @Test
        @Tag("A11-4.7-1")
        void nesting_beyond_the_limit_is_refused_where_it_goes_too_deep() {
            String text = "{\"a\":".repeat(StrictJson.MAX_DEPTH) + "{}" + "}".repeat(StrictJson.MAX_DEPTH);

            assertThat(refused(text).getMessage()).isEqualTo("The request body is nested more than 64 levels deep, at line 1,"
                    + " column 322; no request needs that.");
        }

        @Test
        void a_hundred_thousand_open_brackets_are_refused_at_the_limit() {
            assertThat(refused("[".repeat(100_000)).getMessage()).contains("nested more than 64 levels deep");
        }
    }

    @Test
    void a_number_longer_than_any_value_is_refused_naming_the_property() {
        assertThat(refused("{\"quantity\":1e99999999999}").getMessage())
                .contains("property 'quantity': the number has more digits or a larger exponent than any value the API takes");
        assertThat(refused("{\"q\":[" + "9".repeat(2000) + "]}").property()).isEqualTo("q[0]");
    }

    private static StrictJson.Document read(String text) {
        return StrictJson.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidJson refused(String text) {
        return refused(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidJson refused(byte[] body) {
        InvalidJson refused = catchThrowableOfType(InvalidJson.class, () -> StrictJson.read(body));
        assertThat(refused).as("refused: " + new String(body, StandardCharsets.UTF_8)).isNotNull();
        return refused;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
