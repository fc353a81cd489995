package org.openebr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

/** How the API reads JSON: unknown fields refused, errors explained in words. */
class JsonInputTest {

    public record Charge(String material, int quantity) {
    }

    private final Jsonb jsonb = JsonbConfiguration.create();

    @Test
    void a_known_document_is_read() {
        Charge charge = jsonb.fromJson("{\"material\":\"API-DEMOPROFEN\",\"quantity\":450}", Charge.class);
        assertThat(charge).isEqualTo(new Charge("API-DEMOPROFEN", 450));
    }

    @Test
    void an_unknown_field_is_refused_not_dropped() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"material\":\"X\",\"quantity\":1,\"reason\":\"typo\"}", Charge.class))
                .isInstanceOf(JsonbException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void the_problem_detail_names_the_property_with_the_wrong_type() {
        JsonbException failure = catchJsonb("{\"material\":\"X\",\"quantity\":\"many\"}");
        String reason = UnreadableBodyMapper.reason(new ProcessingException("RESTEASY008200: JSON Binding deserialization error", failure));
        assertThat(reason).contains("quantity").doesNotContain("RESTEASY");
    }

    @Test
    void the_problem_detail_of_broken_json_says_where() {
        JsonbException failure = catchJsonb("{\"material\": ");
        String reason = UnreadableBodyMapper.reason(new ProcessingException("wrapped", failure));
        assertThat(reason).isNotBlank().hasSizeLessThanOrEqualTo(303);
    }

    @Test
    void a_processing_failure_without_json_cause_is_not_blamed_on_the_caller() {
        assertThat(UnreadableBodyMapper.reason(new ProcessingException("disk full"))).isNull();
    }

    private JsonbException catchJsonb(String json) {
        try {
            jsonb.fromJson(json, Charge.class);
        } catch (JsonbException e) {
            return e;
        }
        throw new AssertionError("expected a JsonbException for " + json);
    }

    @Test
    void a_deep_document_names_the_path_of_the_property_and_the_allowed_values() {
        assertThat(UnreadableBodyMapper.readable("Unable to deserialize property 'unitProcedures' because of: Unable to"
                + " deserialize property 'steps' because of: Unable to deserialize property 'precision' because of: Error"
                + " deserialize JSON value into type: int."))
                .isEqualTo("property 'unitProcedures.steps.precision': Error deserialize JSON value into type: int.");
        assertThat(UnreadableBodyMapper.readable("Internal error: No enum constant java.time.DayOfWeek.FUNDAY"))
                .isEqualTo("'FUNDAY' is not one of [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY]");
    }

    @Test
    void what_still_reaches_json_b_is_told_without_class_or_token_names() {
        assertThat(UnreadableBodyMapper.readable("Unable to deserialize property 'reason' because of: Incorrect position for"
                + " processing type: class java.lang.String. Received event: START_OBJECT"))
                .isEqualTo("property 'reason': the value is not of the type this property takes");
        assertThat(UnreadableBodyMapper.readable("Internal error: Invalid token=EOF at (line no=1, column no=0, offset=-1)."))
                .isEqualTo("it does not have the form this resource takes; see the API document");
        assertThat(UnreadableBodyMapper.readable("Cannot create instance of a class: class org.openebr.api.X$Reason"))
                .doesNotContain("org.openebr").doesNotContain("class");
    }
}
