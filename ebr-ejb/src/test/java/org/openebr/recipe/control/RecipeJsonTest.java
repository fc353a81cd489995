package org.openebr.recipe.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.recipe.control.ReferenceRecipe.asepticFilling;
import static org.openebr.recipe.control.ReferenceRecipe.changeStep;
import static org.openebr.recipe.control.ReferenceRecipe.d;
import static org.openebr.recipe.control.ReferenceRecipe.withNumeric;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openebr.platform.control.CanonicalJson;
import org.openebr.recipe.boundary.NumericSpec;
import org.openebr.recipe.boundary.Operation;
import org.openebr.recipe.boundary.RecipeDocument;
import org.openebr.recipe.boundary.RecipeJson;
import org.openebr.recipe.boundary.UnitProcedure;

/** The recipe document as JSON: the shipped reference recipe, the round trip, and the content hash. */
class RecipeJsonTest {

    static final String REFERENCE_FILE = "/demo/recipe-DEMOPROFEN-10-2ML.json";

    /** The content hash of version 1 of the reference recipe as shipped before qualifications existed. */
    private static final String OLD_REFERENCE_HASH = "3fdf6dcb9f20a2051b619eb9dd82acfefa77f1e81e047e3e0366cae7ee4278c3";

    @Test
    void the_shipped_demo_recipe_is_the_reference_process_and_valid() throws IOException {
        RecipeDocument shipped = RecipeJson.read(reference());

        assertThat(shipped).isEqualTo(asepticFilling());
        assertThat(new RecipeValidator().validate(shipped)).isEmpty();
    }

    @Test
    void a_document_survives_export_and_import_unchanged() {
        RecipeDocument recipe = asepticFilling();

        String exported = RecipeJson.write(recipe);

        assertThat(RecipeJson.read(exported)).isEqualTo(recipe);
        assertThat(exported).startsWith("{\n    \"recipeId\": \"DEMOPROFEN-10-2ML\",\n    \"version\": 1,")
                .contains("\"target\": 2.10"); // numbers as the author wrote them
    }

    @Test
    @Tag("ALCOA-Cons-1")
    void the_content_hash_depends_on_the_values_not_on_how_numbers_are_written() {
        RecipeDocument written = changeStep(asepticFilling(), "fill_weight",
                s -> withNumeric(s, new NumericSpec("g", 2, d("2.10"), d("2.06"), d("2.14"), null, null)));
        RecipeDocument shorter = changeStep(asepticFilling(), "fill_weight",
                s -> withNumeric(s, new NumericSpec("g", 2, d("2.1"), d("2.06"), d("2.14"), null, null)));
        RecipeDocument changed = changeStep(asepticFilling(), "fill_weight",
                s -> withNumeric(s, new NumericSpec("g", 2, d("2.10"), d("2.06"), d("2.15"), null, null)));

        assertThat(RecipeJson.contentHash(written)).matches("[0-9a-f]{64}").isEqualTo(RecipeJson.contentHash(shorter));
        assertThat(RecipeJson.contentHash(changed)).isNotEqualTo(RecipeJson.contentHash(written));
    }

    @Test
    @Tag("P11-10f-2")
    void the_content_hash_is_the_sha_256_of_the_rfc_8785_form_of_the_exported_json() throws Exception {
        String exported = RecipeJson.write(asepticFilling());
        // an independent canonical form: members sorted, no white space, numbers by value (JCS)
        String canonical = CanonicalJson.canonicalString(CanonicalJson.parse(exported));
        assertThat(canonical).startsWith("{\"batchSizeUnit\":\"L\",\"formula\":[{\"material\":\"Demoprofen\",\"quantity\":450,")
                .doesNotContain("null").doesNotContain(" \"");
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(RecipeJson.contentHash(asepticFilling())).isEqualTo(sha256).isEqualTo(RecipeJson.contentHash(exported));
        // white space and member order of the text do not matter, values do
        assertThat(RecipeJson.contentHash(canonical)).isEqualTo(sha256);
    }

    @Test
    @Tag("A11-4.7-1")
    void a_misspelt_field_is_refused_not_dropped() {
        String misspelt = RecipeJson.write(asepticFilling()).replace("\"tolerancePercent\"", "\"tolerance\"");

        assertThatThrownBy(() -> RecipeJson.read(misspelt)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
        assertThatThrownBy(() -> RecipeJson.read("{\"recipeId\": ")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Version 1 of the reference recipe as shipped before operations and steps could require
     * qualifications: it must still import as it was, and its content hash, which approved versions
     * and batches keep, must still be what it was (absent values are left out of the hashed JSON, so
     * the new member changes nothing where it is absent). The hash is written out here because
     * recomputing it with the code under test would prove nothing.
     */
    @Test
    void a_document_from_before_qualifications_imports_unchanged_with_the_content_hash_it_had() throws IOException {
        String old = resource("/recipe/DEMOPROFEN-10-2ML-before-qualifications.json");

        RecipeDocument imported = RecipeJson.read(old);

        assertThat(imported.unitProcedures()).flatMap(UnitProcedure::operations)
                .allSatisfy(o -> assertThat(o.qualifications()).isNull())
                .flatMap(Operation::steps).allSatisfy(s -> assertThat(s.qualifications()).isNull());
        assertThat(new RecipeValidator().validate(imported)).isEmpty();
        assertThat(RecipeJson.write(imported)).doesNotContain("qualifications");
        assertThat(RecipeJson.contentHash(imported)).isEqualTo(RecipeJson.contentHash(old))
                .isEqualTo(OLD_REFERENCE_HASH);
    }

    @Test
    void qualifications_are_written_last_and_read_back() {
        RecipeDocument recipe = ReferenceRecipe.changeOperation(asepticFilling(), "fill",
                o -> ReferenceRecipe.withQualifications(o, List.of("OP-ASEPTIC-FILLING")));
        recipe = changeStep(recipe, "fill_weight", s -> ReferenceRecipe.withQualifications(s, List.of("OP-IPC-WEIGHT")));

        String exported = RecipeJson.write(recipe);

        assertThat(RecipeJson.read(exported)).isEqualTo(recipe);
        assertThat(exported).contains("\"verifierRequired\": false\n                            },\n"
                + "                            \"qualifications\": [\n                                \"OP-IPC-WEIGHT\"");
        // after the operation's steps, before the next operation
        assertThat(exported.indexOf("\"OP-ASEPTIC-FILLING\"")).isGreaterThan(exported.indexOf("\"FILLER.FilledCount\""))
                .isLessThan(exported.indexOf("\"capping\""));
    }

    static String reference() throws IOException {
        return resource(REFERENCE_FILE);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RecipeJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
