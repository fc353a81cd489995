package org.openebr.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each value of the JSON type its Java type declares, named by its path when it is not. */
class JsonShapeTest {

    enum Action { GRANT, REVOKE }

    record Everything(String text, boolean flag, Boolean maybe, int count, Integer boxed, long big, short small,
                      BigDecimal amount, double ratio, float rough, Action action, Instant at, LocalDate day,
                      List<String> names, Set<Integer> numbers, String[] array, Map<String, BigDecimal> limits,
                      Optional<String> note, Inner inner, List<Inner> inners, JsonObject raw, Object anything) {
    }

    record Inner(String id, Integer precision, List<String> after) {
    }

    record Renamed(@JsonbProperty("user_name") String userName, @JsonbTransient String secret) {
    }

    record Unsupported(StringBuilder builder) {
    }

    record Times(java.time.LocalDateTime local, java.time.LocalTime time, java.time.OffsetDateTime offset,
                 java.time.ZonedDateTime zoned, java.time.Duration expiry, java.util.UUID id) {
    }

    @Test
    void the_other_string_typed_values_take_their_iso_form_only() {
        assertThatCode(() -> check("{\"local\":\"2026-01-31T08:00:00\",\"time\":\"08:00\",\"offset\":\"2026-01-31T08:00:00+01:00\","
                + "\"zoned\":\"2026-01-31T08:00:00+01:00[Europe/Berlin]\",\"expiry\":\"PT72H\","
                + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}", Times.class)).doesNotThrowAnyException();

        assertThat(refused("{\"expiry\":72}", Times.class).problem()).isEqualTo("expected a duration in ISO-8601 form such as \"PT72H\", got a number");
        assertThat(refused("{\"expiry\":\"72h\"}", Times.class).property()).isEqualTo("expiry");
        assertThat(refused("{\"offset\":\"2026-01-31T08:00:00\"}", Times.class).property()).isEqualTo("offset");
        assertThat(refused("{\"id\":\"1-2-3-4-5\"}", Times.class).problem())
                .isEqualTo("expected a UUID such as \"123e4567-e89b-12d3-a456-426614174000\", got \"1-2-3-4-5\"");
    }

    @Test
    void every_supported_type_accepts_its_own_json_type() {
        assertThatCode(() -> check("""
                {"text":"x","flag":true,"maybe":false,"count":-3,"boxed":2.0,"big":9007199254740993,"small":7,
                 "amount":2.10,"ratio":1e-3,"rough":1.5,"action":"GRANT","at":"2026-01-31T08:00:00Z","day":"2026-01-31",
                 "names":["a","b"],"numbers":[1,2],"array":["c"],"limits":{"lower":1.5},"note":"n",
                 "inner":{"id":"i","precision":1,"after":[]},"inners":[{"id":"j"}],"raw":{"any":[1,"x",null]},
                 "anything":[{"a":true}]}""", Everything.class))
                .doesNotThrowAnyException();
    }

    @Test
    void null_and_absent_values_of_reference_types_are_left_to_bean_validation() {
        assertThatCode(() -> check("{\"text\":null,\"maybe\":null,\"boxed\":null,\"amount\":null,\"action\":null,"
                + "\"names\":null,\"inner\":null,\"note\":null,\"names\":null}".replace(",\"names\":null}", "}"), Everything.class))
                .doesNotThrowAnyException();
        assertThatCode(() -> check("{}", Everything.class)).doesNotThrowAnyException();
        assertThatCode(() -> check("{\"names\":[null]}", Everything.class)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            // what JSON-B (Yasson) converts instead of refusing, each refused here
            "text    | 42                | expected a string, got a number",
            "text    | true              | expected a string, got true",
            "text    | {\"a\":1}         | expected a string, got an object",
            "text    | [\"a\"]           | expected a string, got an array",
            "flag    | \"yes\"           | expected true or false, got a string",
            "flag    | \"true\"          | expected true or false, got a string",
            "flag    | 1                 | expected true or false, got a number",
            "flag    | null              | expected true or false, got null",
            "maybe   | \"yes\"           | expected true or false, got a string",
            "count   | \"42\"            | expected a whole number, got a string",
            "count   | 1.7               | expected a whole number, got 1.7",
            "count   | 99999999999       | expected a whole number from -2147483648 to 2147483647, got 99999999999",
            "count   | true              | expected a whole number, got true",
            "count   | null              | expected a whole number, got null",
            "boxed   | \"7\"             | expected a whole number, got a string",
            "small   | 40000             | expected a whole number from -32768 to 32767, got 40000",
            "big     | 1e19              | expected a whole number from -9223372036854775808 to 9223372036854775807, got 1E+19",
            "amount  | \"2.10\"          | expected a number, got a string",
            "amount  | true              | expected a number, got true",
            "ratio   | 1e400             | expected a number within ±1.7976931348623157E308, got 1E+400",
            "rough   | 1e39              | expected a number within ±3.4028235E38, got 1E+39",
            "action  | \"GRAND\"         | 'GRAND' is not one of [GRANT, REVOKE]",
            "action  | \"grant\"         | 'grant' is not one of [GRANT, REVOKE]",
            "action  | 0                 | expected one of [GRANT, REVOKE], got a number",
            "at      | 12345             | expected an instant in ISO-8601 form such as \"2026-01-31T08:00:00Z\", got a number",
            "at      | \"yesterday\"     | expected an instant in ISO-8601 form such as \"2026-01-31T08:00:00Z\", got \"yesterday\"",
            "day     | \"2026-13-01\"    | expected a date in ISO-8601 form such as \"2026-01-31\", got \"2026-13-01\"",
            "names   | \"a\"             | expected an array, got a string",
            "names   | {\"a\":\"b\"}     | expected an array, got an object",
            "numbers | 1                 | expected an array, got a number",
            "array   | \"c\"             | expected an array, got a string",
            "limits  | [1]               | expected an object, got an array",
            "note    | 5                 | expected a string, got a number",
            "inner   | \"i\"             | expected an object, got a string",
            "inner   | []                | expected an object, got an array",
            "inners  | {\"id\":\"j\"}    | expected an array, got an object",
            "raw     | [1]               | expected an object, got an array",
    })
    void a_value_of_another_json_type_is_refused_naming_the_property(String property, String json, String problem) {
        InvalidJson refused = refused("{\"" + property + "\":" + json + "}", Everything.class);

        assertThat(refused.property()).isEqualTo(property);
        assertThat(refused.problem()).isEqualTo(problem);
        assertThat(refused.getMessage()).isEqualTo("The request body does not match this resource: property '" + property
                + "': " + problem + ".");
    }

    @Test
    void the_wrong_value_in_a_list_or_map_is_named_by_its_index_or_key() {
        assertThat(refused("{\"names\":[\"a\",1,true]}", Everything.class).property()).isEqualTo("names[1]");
        assertThat(refused("{\"numbers\":[1,\"2\"]}", Everything.class).property()).isEqualTo("numbers[1]");
        assertThat(refused("{\"array\":[\"a\",null,{}]}", Everything.class).property()).isEqualTo("array[2]");
        assertThat(refused("{\"limits\":{\"lower\":1,\"upper\":\"5\"}}", Everything.class).property()).isEqualTo("limits.upper");
    }

    @Test
    void the_wrong_value_deep_in_a_document_is_named_by_its_path() {
        InvalidJson refused = refused("{\"inners\":[{\"id\":\"a\"},{\"id\":\"b\",\"after\":[\"a\",7]}]}", Everything.class);

        assertThat(refused.property()).isEqualTo("inners[1].after[1]");
        assertThat(refused.problem()).isEqualTo("expected a string, got a number");
        assertThat(refused("{\"inner\":{\"precision\":\"2\"}}", Everything.class).property()).isEqualTo("inner.precision");
    }

    @Test
    void a_whole_number_may_be_written_with_zero_decimals_or_an_exponent() {
        assertThatCode(() -> check("{\"count\":2.0,\"boxed\":1e2,\"big\":-0}", Everything.class)).doesNotThrowAnyException();
    }

    @Test
    void an_unknown_property_is_refused_naming_it_and_the_known_ones() {
        InvalidJson refused = refused("{\"inner\":{\"id\":\"x\",\"presicion\":1}}", Everything.class);

        assertThat(refused.property()).isEqualTo("inner.presicion");
        assertThat(refused.problem()).isEqualTo("is not known here; the properties are id, precision, after");
    }

    @Test
    void a_renamed_property_goes_by_its_json_name_and_a_transient_one_is_not_taken() {
        assertThatCode(() -> check("{\"user_name\":\"a\"}", Renamed.class)).doesNotThrowAnyException();
        assertThat(refused("{\"userName\":\"a\"}", Renamed.class).property()).isEqualTo("userName");
        assertThat(refused("{\"secret\":\"a\"}", Renamed.class).property()).isEqualTo("secret");
    }

    @Test
    void the_body_itself_of_the_wrong_json_type_is_named_as_the_body() {
        InvalidJson refused = refused("[{\"text\":\"x\"}]", Everything.class);

        assertThat(refused.property()).isEqualTo("body");
        assertThat(refused.getMessage()).isEqualTo("The request body does not match this resource: expected an object, got an array.");
        assertThat(refused("\"x\"", Everything.class).problem()).isEqualTo("expected an object, got a string");
    }

    @Test
    void a_list_body_is_checked_element_by_element() {
        Type listOfInner = Everything.class.getRecordComponents()[19].getGenericType();

        assertThatCode(() -> check("[{\"id\":\"a\"}]", listOfInner)).doesNotThrowAnyException();
        assertThat(refused("[{\"id\":\"a\"},{\"id\":1}]", listOfInner).property()).isEqualTo("[1].id");
    }

    @Test
    void a_type_without_a_rule_is_a_programming_error_not_a_pass() {
        assertThatThrownBy(() -> check("{\"builder\":\"x\"}", Unsupported.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("java.lang.StringBuilder");
        assertThatThrownBy(() -> JsonShape.requireSupported(Unsupported.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("java.lang.StringBuilder");
        assertThatCode(() -> JsonShape.requireSupported(Everything.class)).doesNotThrowAnyException();
    }

    private static void check(String json, Type type) {
        JsonValue value = StrictJson.read(json.getBytes(StandardCharsets.UTF_8)).value();
        JsonShape.check(value, type);
    }

    private static InvalidJson refused(String json, Type type) {
        InvalidJson refused = catchThrowableOfType(InvalidJson.class, () -> check(json, type));
        assertThat(refused).as("refused: " + json).isNotNull();
        return refused;
    }
}
