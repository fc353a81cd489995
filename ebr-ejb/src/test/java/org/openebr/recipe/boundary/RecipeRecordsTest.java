package org.openebr.recipe.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A saved recipe document as the audit trail states it: what changed, in the version comparison's words. */
class RecipeRecordsTest {

    private static String demo() throws IOException {
        try (InputStream in = RecipeRecords.class.getResourceAsStream("/demo/recipe-DEMOPROFEN-10-2ML.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_save_is_the_changes_of_the_recipe_one_sentence_each() throws IOException {
        String before = demo();
        String after = before.replace("\"upper\": 45.37", "\"upper\": 45.35").replace("Mix 30 min at 200 rpm", "Mix 35 min at 200 rpm");

        assertThat(RecipeRecords.describeChange(before, after)).hasSize(3)
                .anySatisfy(line -> assertThat(line).isEqualTo(
                        "Step 'make_up_weight' (Make up to 45.0 L: net weight): upper action limit changed from 45.37 to 45.35"))
                .anySatisfy(line -> assertThat(line).contains("instruction changed from Mix 30 min at 200 rpm to Mix 35 min at 200 rpm"));
    }

    @Test
    void a_new_document_is_one_line_of_outline_and_an_unchanged_one_says_so() throws IOException {
        assertThat(RecipeRecords.describeChange(null, demo())).containsExactly("Recipe document of Demoprofen 10 mg/mL"
                + " solution for injection: 2 parameters, 5 formula items, 5 unit procedures, 9 operations, 26 steps");
        assertThat(RecipeRecords.describeChange(demo(), demo())).containsExactly("No change in the recipe's content.");
    }

    @Test
    void text_that_is_not_a_recipe_document_is_left_to_be_shown_as_it_is() throws IOException {
        assertThat(RecipeRecords.describeChange("{\"not\": ", demo())).isEmpty();
        assertThat(RecipeRecords.describeChange(demo(), null)).isEmpty();
    }

    @Test
    void a_version_is_named_by_recipe_version_and_product() {
        assertThat(RecipeRecords.name("DEMOPROFEN-10-2ML", 3, "Demoprofen 10 mg/mL solution for injection"))
                .isEqualTo("DEMOPROFEN-10-2ML version 3 (Demoprofen 10 mg/mL solution for injection)");
    }
}
