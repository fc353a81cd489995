package org.openebr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openebr.api.identity.UsersResource;
import org.openebr.api.json.InvalidJson;
import org.openebr.api.json.JsonShape;
import org.openebr.api.recipe.RecipesResource;
import org.openebr.recipe.boundary.RecipeDocument;

/**
 * The API's one JSON reader with the real JSON-B implementation behind it: what JSON-B alone would
 * have coerced is refused, and every document the API takes today still reads the same.
 */
class StrictJsonReaderTest {

    private static final String DEMO_RECIPE = "/demo/recipe-DEMOPROFEN-10-2ML.json";

    private final StrictJsonReader reader = new StrictJsonReader();
    private final Jsonb jsonb = JsonbConfiguration.create();

    @Test
    void a_string_for_a_boolean_creates_no_technical_account_by_accident() {
        String body = "{\"userName\":\"plc-07\",\"fullName\":\"Line 7 PLC\",\"technical\":\"yes\",\"reason\":\"new line\"}";
        // what JSON-B alone does with it: "yes" is not "true", so a technical account became a person's
        assertThat(jsonb.fromJson(body, UsersResource.NewAccount.class).technical()).isFalse();

        InvalidJson refused = refused(body, UsersResource.NewAccount.class);

        assertThat(refused.getMessage()).isEqualTo("The request body does not match this resource:"
                + " property 'technical': expected true or false, got a string.");
        assertThat(refused.property()).isEqualTo("technical");
    }

    @Test
    void a_valid_command_reads_as_json_b_reads_it() {
        String body = "{\"userName\":\"plc-07\",\"fullName\":\"Line 7 PLC\",\"technical\":true,\"reason\":\"new line\"}";

        assertThat(reader.read(bytes(body), UsersResource.NewAccount.class))
                .isEqualTo(new UsersResource.NewAccount("plc-07", "Line 7 PLC", true, "new line"));
    }

    @Test
    void a_number_for_a_reason_is_refused() {
        assertThat(jsonb.fromJson("{\"reason\":42}", UsersResource.Reason.class).reason()).isEqualTo("42");

        assertThat(refused("{\"reason\":42}", UsersResource.Reason.class).problem())
                .isEqualTo("expected a string, got a number");
    }

    @Test
    void an_unknown_role_names_the_allowed_ones_not_a_class() {
        InvalidJson refused = refused("{\"action\":\"GRANT\",\"role\":\"SUPERUSER\",\"reason\":\"r\"}",
                UsersResource.RoleChange.class);

        assertThat(refused.problem()).startsWith("'SUPERUSER' is not one of [OPERATOR, ").contains("ADMIN").doesNotContain("org.openebr");
        assertThat(refused.property()).isEqualTo("role");
    }

    @Test
    void a_wrong_instant_is_refused_with_the_expected_form() {
        assertThat(refused("{\"effectiveFrom\":\"tomorrow\",\"reason\":\"r\"}", RecipesResource.Effective.class).problem())
                .isEqualTo("expected an instant in ISO-8601 form such as \"2026-01-31T08:00:00Z\", got \"tomorrow\"");
    }

    @Test
    void duplicate_keys_and_trailing_data_are_refused_before_json_b_picks_one() {
        assertThat(jsonb.fromJson("{\"reason\":\"a\",\"reason\":\"b\"}", UsersResource.Reason.class).reason()).isEqualTo("b");

        assertThat(refused("{\"reason\":\"a\",\"reason\":\"b\"}", UsersResource.Reason.class).property()).isEqualTo("reason");
        assertThat(refused("{\"reason\":\"a\"} {\"reason\":\"b\"}", UsersResource.Reason.class).getMessage())
                .startsWith("The request body continues after the end of the JSON document");
    }

    @Test
    void an_empty_body_and_a_truncated_one_are_told_in_plain_words() {
        assertThat(refused("", UsersResource.Reason.class).getMessage()).isEqualTo("The request body is empty; send a JSON object.");
        assertThat(refused("{\"reason\": \"why", UsersResource.Reason.class).getMessage())
                .isEqualTo("The request body is not valid JSON: the document ends unexpectedly at line 1, column 16; is it complete?");
    }

    @Test
    void the_demo_recipe_reads_exactly_as_json_b_reads_it() throws IOException {
        String recipe = demoRecipe();

        assertThat(reader.read(bytes(recipe), RecipeDocument.class)).isEqualTo(jsonb.fromJson(recipe, RecipeDocument.class));
    }

    @Test
    void a_wrong_type_deep_in_a_recipe_is_named_by_its_json_location() throws IOException {
        String recipe = demoRecipe().replaceFirst("\"precision\": (\\d+)", "\"precision\": \"$1\"");

        InvalidJson refused = refused(recipe, RecipeDocument.class);

        assertThat(refused.property()).matches("unitProcedures\\[\\d+]\\.operations\\[\\d+]\\.steps\\[\\d+]\\.numeric\\.precision");
        assertThat(refused.problem()).isEqualTo("expected a whole number, got a string");
    }

    @Test
    void qualifications_of_a_recipe_read_as_json_b_reads_them_and_a_number_among_them_is_named() throws IOException {
        String recipe = demoRecipe();
        RecipeDocument read = (RecipeDocument) reader.read(bytes(recipe), RecipeDocument.class);
        assertThat(read.unitProcedures().get(3).operations().get(0).qualifications())
                .containsExactly("OP-GOWNING", "OP-ASEPTIC-FILLING");

        InvalidJson refused = refused(recipe.replace("\"OP-ASEPTIC-FILLING\"", "42"), RecipeDocument.class);

        assertThat(refused.property()).isEqualTo("unitProcedures[3].operations[0].qualifications[1]");
        assertThat(refused.problem()).isEqualTo("expected a string, got a number");
    }

    @Test
    void an_unknown_property_in_a_recipe_is_still_refused() throws IOException {
        String recipe = demoRecipe().replaceFirst("\"nominalBatchSize\"", "\"nominalBatchSise\"");

        InvalidJson refused = refused(recipe, RecipeDocument.class);

        assertThat(refused.property()).isEqualTo("nominalBatchSise");
        assertThat(refused.problem()).startsWith("is not known here; the properties are recipeId, version, ");
    }

    @Test
    void a_recipe_inside_a_draft_change_is_checked_with_its_path() throws IOException {
        String body = "{\"draftRevision\":3,\"reason\":\"r\",\"document\":"
                + demoRecipe().replaceFirst("\"batchSizeUnit\": \"L\"", "\"batchSizeUnit\": \"L\", \"batchSizeUnit\": \"mL\"") + "}";

        assertThat(refused(body, RecipesResource.DraftChange.class).property()).isEqualTo("document.batchSizeUnit");
    }

    @Test
    void a_json_p_body_is_returned_as_the_checked_tree() {
        assertThat(reader.read(bytes("{\"a\":[1,2]}"), JsonObject.class)).isInstanceOf(JsonObject.class);
        assertThat(refused("[1]", JsonObject.class).problem()).isEqualTo("expected an object, got an array");
    }

    /**
     * Every body a resource of the API takes has a strict shape: a new command type the checker does
     * not know fails here, not as a 500 on the server.
     */
    @Test
    void every_request_body_type_of_the_api_has_a_strict_shape() throws Exception {
        List<Type> bodies = new ArrayList<>();
        for (Class<?> resource : productionClassesOfTheApi()) {
            if (!resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                if (!(method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                        || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class))) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    if (isEntity(parameter)) {
                        JsonShape.requireSupported(parameter.getParameterizedType());
                        bodies.add(parameter.getParameterizedType());
                    }
                }
            }
        }
        assertThat(bodies).as("request body types found").hasSizeGreaterThanOrEqualTo(15)
                .contains(UsersResource.NewAccount.class, RecipeDocument.class, RecipesResource.DraftChange.class);
    }

    /**
     * Every class of org.openebr.api and its subpackages in ebr-web's output directory (the package is
     * ebr-web's own; tests are compiled elsewhere), loaded without initialising it. Read from the
     * directory rather than with ArchUnit, whose import resolves every referenced type and took seconds.
     */
    private static List<Class<?>> productionClassesOfTheApi() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(StrictJsonReader.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        assertThat(root).as("ebr-web's classes in a directory").isDirectory();
        List<Class<?>> classes = new ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root.resolve("org/openebr/api"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        StrictJsonReaderTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static boolean isEntity(Parameter parameter) {
        Set<Class<? extends Annotation>> injected = Set.of(PathParam.class, QueryParam.class, HeaderParam.class,
                CookieParam.class, FormParam.class, MatrixParam.class, BeanParam.class, Context.class);
        for (Annotation annotation : parameter.getAnnotations()) {
            if (injected.contains(annotation.annotationType())) {
                return false;
            }
        }
        return true;
    }

    private InvalidJson refused(String body, Type type) {
        InvalidJson refused = catchThrowableOfType(InvalidJson.class, () -> reader.read(bytes(body), type));
        assertThat(refused).as("refused: " + body).isNotNull();
        return refused;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String demoRecipe() throws IOException {
        try (InputStream in = StrictJsonReaderTest.class.getResourceAsStream(DEMO_RECIPE)) {
            assertThat(in).as(DEMO_RECIPE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
