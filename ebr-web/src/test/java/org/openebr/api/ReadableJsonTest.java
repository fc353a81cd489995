package org.openebr.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableJsonTest {

    @Test
    void an_unknown_field_is_named_without_the_class_it_was_meant_for() {
        assertThat(ReadableJson.plain("Json property resonForChange can not be mapped to a class class"
                + " org.openebr.api.signature.AccountabilityStatementResource$StatementSignature."))
                .isEqualTo("unknown field 'resonForChange' (misspelt, or not part of this request)");
    }

    @Test
    void a_syntax_error_is_a_line_and_column_not_parser_tokens() {
        assertThat(ReadableJson.plain("Internal error: Invalid token=EOF at (line no=1, column no=22, offset=21)."
                + " Expected tokens are: [CURLYOPEN, SQUAREOPEN, STRING, NUMBER, TRUE, FALSE, NULL]"))
                .isEqualTo("the document ends too early at line 1, column 22");
        assertThat(ReadableJson.plain("Invalid token=COMMA at (line no=2, column no=3, offset=9). Expected tokens are: [STRING]"))
                .isEqualTo("unexpected ',' at line 2, column 3");
    }

    @Test
    void a_body_of_the_wrong_shape_says_an_object_was_expected() {
        assertThat(ReadableJson.plain("Incorrect position for processing type: class"
                + " org.openebr.api.identity.UsersResource$Reason. Received event: START_ARRAY"))
                .isEqualTo("a JSON object was expected here, not an array");
    }

    @Test
    void any_other_class_name_is_left_out_but_json_paths_stay() {
        assertThat(ReadableJson.plain("property 'document.steps': cannot create org.openebr.recipe.boundary.RecipeDocument"))
                .isEqualTo("property 'document.steps': cannot create the expected type");
        assertThat(ReadableJson.plain("cannot create Effective$Inner")).isEqualTo("cannot create the expected type");
    }
}
