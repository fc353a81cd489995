package org.openebr.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openebr.validation.TestSource.Method;
import org.openebr.validation.TestSource.TagUse;
import org.openebr.validation.TestSource.Type;

class TestSourceScannerTest {

    private static List<Type> parse(String source) {
        return TestSourceScanner.parse(source, Path.of("m/src/test/java/T.java"), "m").types();
    }

    @Test
    void tags_in_comments_strings_and_text_blocks_are_not_tags() {
        List<Type> types = parse("""
                package p;
                // @Tag("C-1") class Fake {}
                /* @Tag("C-2")
                   void fake() {} */
                class RealTest {
                    String s = "@Tag(\\"C-3\\")";
                    String block = \"""
                        @Tag("C-4") @Test void fake() {}
                        \""";
                    char quote = '"';

                    @Test
                    @Tag("R-1")
                    void real() {
                        String inBody = "}";
                    }
                }
                """);

        assertThat(types).extracting(t -> t.binaryName).containsExactly("p.RealTest");
        assertThat(types.get(0).methods).extracting(Method::name, Method::line, m -> tagValues(m.tags()))
                .containsExactly(tuple("real", 14, List.of("R-1")));
    }

    @Test
    void annotations_between_the_tag_and_the_method_and_generic_members_do_not_confuse_it() {
        List<Type> types = parse("""
                package p;

                import org.junit.jupiter.api.Tag;

                @DisplayName("roles")
                public final class RolesTest<T extends Comparable<T>> extends Base<T> implements Api, java.io.Serializable {

                    private final java.util.Map<String, java.util.List<Integer>> cache = new java.util.HashMap<>() {
                        @Test @Tag("ANON-1") void insideAnAnonymousClass() {}
                    };

                    static { init(); }

                    RolesTest() { this(1); }

                    @Tag(value = "A-1")
                    @ParameterizedTest(name = "{0}")
                    @CsvSource({
                        "a, 1",
                        "b, 2"
                    })
                    @DisplayName("a display name")
                    <R> void parameterised(String s, @AggregateWith(X.class) int n) throws Exception {
                    }

                    @org.junit.jupiter.api.Tags({
                        @org.junit.jupiter.api.Tag("B-1"),
                        @Tag("slow")
                    })
                    @RepeatedTest(3)
                    public void repeated() {}

                    void helper() {}

                    @Nested
                    class Inner {
                        @TestFactory Stream<DynamicTest> dynamic() { return Stream.of(); }
                    }

                    enum Mode { A { void x() {} }, B }
                    record Pair(int a, int b) {}
                }
                """);

        assertThat(types).extracting(t -> t.binaryName, t -> t.kind)
                .containsExactly(tuple("p.RolesTest", "class"), tuple("p.RolesTest$Inner", "class"),
                        tuple("p.RolesTest$Mode", "enum"), tuple("p.RolesTest$Pair", "record"));
        Type roles = types.get(0);
        assertThat(roles.supertypes).containsExactly("Base", "Api", "java.io.Serializable");
        assertThat(roles.methods).extracting(Method::name, m -> tagValues(m.tags()), Method::displayName)
                .containsExactly(
                        tuple("parameterised", List.of("A-1"), "a display name"),
                        tuple("repeated", List.of("B-1", "slow"), null));
        assertThat(types.get(1).methods).extracting(Method::name).containsExactly("dynamic");
        assertThat(types.get(1).enclosing).isSameAs(roles);
    }

    @Test
    void reported_names_map_to_their_method() {
        assertThat(TestReports.methodName("locks")).isEqualTo("locks");
        assertThat(TestReports.methodName("locks()")).isEqualTo("locks");
        assertThat(TestReports.methodName("an_inspector(Role)[7]")).isEqualTo("an_inspector");
        assertThat(TestReports.methodName("dynamic()[1][2]")).isEqualTo("dynamic");
        assertThat(TestReports.methodName("repeated[3]")).isEqualTo("repeated");
        assertThat(TestReports.methodName("[1] a, 1")).isEqualTo("[1] a, 1");
    }

    private static List<String> tagValues(List<TagUse> tags) {
        return tags.stream().map(TagUse::value).toList();
    }
}
