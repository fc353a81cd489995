package org.openebr.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openebr.validation.TraceabilityMatrix.Row;
import org.openebr.validation.TraceabilityMatrix.TestRef;

class GenerateTraceabilityMatrixTest {

    private static final String CATALOGUE = """
            P11-300d-1,Access control,11.300(d),lockout after N failures,5 wrong -> locked\r
            A11D-11-4,Access control,A11D 11.10,admin and GMP roles segregated,SoD rule\r
            TIME-2,Time,A11D 12.2/13.4,"stored UTC + site zone; shown with zone","different JVM zones -> same stored values"\r
            P11-10c-1,Retention,11.10(c),no deletion of GMP records,DELETE -> 403\r
            """;

    @TempDir
    Path dir;

    private FakeReactor reactor;

    @BeforeEach
    void catalogue() {
        reactor = new FakeReactor(dir).catalogue(CATALOGUE);
    }

    @Test
    @Tag("P11-10a-2")
    void a_method_tag_maps_the_requirement_to_that_passing_test_only() {
        reactor.testSource("ebr-ejb", "org.x.UserAccountTest", """
                package org.x;

                import org.junit.jupiter.api.Tag;
                import org.junit.jupiter.api.Test;

                class UserAccountTest {

                    @Test
                    @Tag("P11-300d-1")
                    void five_wrong_passwords_lock_the_account() {
                    }

                    @Test
                    void untagged() {
                    }
                }
                """).report("ebr-ejb", "surefire-reports", "org.x.UserAccountTest", """
                  <testcase name="five_wrong_passwords_lock_the_account" classname="org.x.UserAccountTest" time="0.01"/>
                  <testcase name="untagged()" classname="org.x.UserAccountTest" time="0.01"/>
                """);

        TraceabilityMatrix matrix = reactor.generate();

        assertThat(row(matrix, "P11-300d-1").tests()).containsExactly(
                new TestRef("ebr-ejb", "org.x.UserAccountTest", "five_wrong_passwords_lock_the_account",
                        TestResult.PASSED));
        assertThat(row(matrix, "P11-300d-1").status()).isEqualTo(RequirementStatus.VERIFIED);
        assertThat(reactor.read("traceability-matrix.md"))
                .contains("**PASSED** `org.x.UserAccountTest#five_wrong_passwords_lock_the_account` (ebr-ejb)");
    }

    @Test
    @Tag("P11-10a-2")
    void a_class_tag_maps_the_requirement_to_every_test_of_the_class_and_its_nested_classes() {
        reactor.testSource("ebr-ejb", "org.x.RolesTest", """
                package org.x;

                import org.junit.jupiter.api.*;
                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.ValueSource;

                @Tag("A11D-11-4")
                class RolesTest {

                    private static final String NOTE = "@Tag(\\"NOT-A-TAG-1\\") void fake() {}";

                    @Test
                    void an_admin_holds_no_gmp_role() {
                    }

                    @ParameterizedTest
                    @ValueSource(ints = {
                            1,
                            2 })
                    void counts(int n) {
                        Runnable r = () -> { };
                    }

                    @Nested
                    class Inspector {

                        @Test
                        @Tag("TIME-2")
                        void is_read_only() {
                        }
                    }
                }
                """).report("ebr-ejb", "surefire-reports", "org.x.RolesTest", """
                  <testcase name="an_admin_holds_no_gmp_role()" classname="org.x.RolesTest" time="0.01"/>
                  <testcase name="counts(int)[1]" classname="org.x.RolesTest" time="0.01"/>
                  <testcase name="counts(int)[2]" classname="org.x.RolesTest" time="0.01"/>
                """).report("ebr-ejb", "surefire-reports", "org.x.RolesTest$Inspector", """
                  <testcase name="is_read_only" classname="org.x.RolesTest$Inspector" time="0.01"/>
                """);

        TraceabilityMatrix matrix = reactor.generate();

        assertThat(row(matrix, "A11D-11-4").tests()).extracting(TestRef::label, TestRef::result).containsExactly(
                tuple("org.x.RolesTest#an_admin_holds_no_gmp_role", TestResult.PASSED),
                tuple("org.x.RolesTest#counts", TestResult.PASSED),
                tuple("org.x.RolesTest$Inspector#is_read_only", TestResult.PASSED));
        assertThat(row(matrix, "TIME-2").tests()).extracting(TestRef::label)
                .containsExactly("org.x.RolesTest$Inspector#is_read_only");
    }

    @Test
    @Tag("P11-10a-2")
    void one_failed_invocation_fails_the_test_and_the_requirement() {
        reactor.testSource("ebr-ejb", "org.x.RolesTest", """
                package org.x;

                class RolesTest {
                    @org.junit.jupiter.api.Tags({@org.junit.jupiter.api.Tag("A11D-11-4"), @Tag("slow")})
                    @ParameterizedTest
                    @EnumSource(value = Role.class, names = {"OPERATOR", "ADMIN"})
                    void an_inspector_holds_nothing_else(Role other) {
                    }

                    @Test
                    @Tag("A11D-11-4")
                    void gmp_roles_combine() {
                    }
                }
                """).report("ebr-ejb", "surefire-reports", "org.x.RolesTest", """
                  <testcase name="an_inspector_holds_nothing_else(Role)[1]" classname="org.x.RolesTest" time="0.01"/>
                  <testcase name="an_inspector_holds_nothing_else(Role)[2]" classname="org.x.RolesTest" time="0.01">
                    <failure message="expected: true" type="org.opentest4j.AssertionFailedError">boom</failure>
                  </testcase>
                  <testcase name="gmp_roles_combine" classname="org.x.RolesTest" time="0.01"/>
                """);

        TraceabilityMatrix matrix = reactor.generate();

        assertThat(row(matrix, "A11D-11-4").tests()).extracting(TestRef::method, TestRef::result).containsExactly(
                tuple("an_inspector_holds_nothing_else", TestResult.FAILED),
                tuple("gmp_roles_combine", TestResult.PASSED));
        assertThat(row(matrix, "A11D-11-4").status()).isEqualTo(RequirementStatus.FAILED);
        assertThat(matrix.count(RequirementStatus.FAILED)).isEqualTo(1);
    }

    @Test
    @Tag("P11-10a-2")
    void an_unknown_requirement_id_fails_naming_the_tag_and_the_test() {
        reactor.testSource("ebr-web", "org.y.SiteViewTest", """
                package org.y;

                class SiteViewTest {
                    @Test
                    @Tag("TIME-2")
                    void shows_the_zone() {
                    }

                    @Test
                    @Tag("P11-99z-1")
                    void names_a_requirement_nobody_wrote() {
                    }
                }
                """);

        assertThatThrownBy(reactor::generate)
                .isInstanceOf(TraceabilityException.class)
                .hasMessageContaining("P11-99z-1")
                .hasMessageContaining("ebr-web/src/test/java/org/y/SiteViewTest.java:10")
                .hasMessageContaining("org.y.SiteViewTest#names_a_requirement_nobody_wrote")
                .hasMessageNotContaining("TIME-2");
        assertThat(reactor.output().resolve("traceability-matrix.html")).doesNotExist();
    }

    @Test
    @Tag("P11-10a-2")
    void an_unknown_requirement_id_on_a_class_fails_too() {
        reactor.testSource("ebr-ear", "org.z.AuditIT", """
                package org.z;

                @Tag("AUDIT-42")
                class AuditIT {
                    @Test
                    void audits() {
                    }
                }
                """);

        assertThatThrownBy(reactor::generate)
                .hasMessageContaining("AUDIT-42: ebr-ear/src/test/java/org/z/AuditIT.java:3 org.z.AuditIT (class)");
    }

    @Test
    @Tag("P11-10a-2")
    void tags_that_are_not_requirement_ids_are_ignored() {
        reactor.testSource("ebr-ejb", "org.x.SlowTest", """
                package org.x;

                @Tag("identity")
                class SlowTest {
                    @Test
                    @Tag("slow")
                    @Tag("Time-2")
                    void takes_long() {
                    }
                }
                """).report("ebr-ejb", "surefire-reports", "org.x.SlowTest", """
                  <testcase name="takes_long" classname="org.x.SlowTest" time="9.0"/>
                """);

        TraceabilityMatrix matrix = reactor.generate();

        assertThat(matrix.rows()).allSatisfy(r -> assertThat(r.tests()).isEmpty());
    }

    @Test
    @Tag("P11-10a-2")
    void a_requirement_without_tests_is_listed_as_no_test_and_does_not_fail_the_build() {
        reactor.testSource("ebr-ejb", "org.x.UserAccountTest", """
                package org.x;
                class UserAccountTest {
                    @Test @Tag("P11-300d-1") void locks() {}
                    @Test @Tag("TIME-2") void skipped() {}
                    @Test @Tag("P11-10c-1") void never_reported() {}
                }
                """).report("ebr-ejb", "surefire-reports", "org.x.UserAccountTest", """
                  <testcase name="locks" classname="org.x.UserAccountTest" time="0.01"/>
                  <testcase name="skipped" classname="org.x.UserAccountTest" time="0"><skipped/></testcase>
                """);

        TraceabilityMatrix matrix = reactor.generate();

        assertThat(matrix.rows()).extracting(r -> r.requirement().id(), Row::status).containsExactly(
                tuple("P11-300d-1", RequirementStatus.VERIFIED),
                tuple("A11D-11-4", RequirementStatus.NO_TEST),
                tuple("TIME-2", RequirementStatus.NOT_RUN),
                tuple("P11-10c-1", RequirementStatus.NOT_RUN));
        assertThat(row(matrix, "TIME-2").tests()).extracting(TestRef::result).containsExactly(TestResult.SKIPPED);
        assertThat(row(matrix, "P11-10c-1").tests()).extracting(TestRef::result).containsExactly(TestResult.NOT_RUN);
        assertThat(reactor.read("traceability-matrix.csv")).contains(
                "A11D-11-4,Access control,A11D 11.10,admin and GMP roles segregated,NO TEST,,,,\r\n",
                "P11-10c-1,Retention,11.10(c),no deletion of GMP records,NOT RUN,ebr-ejb,org.x.UserAccountTest,"
                        + "never_reported,NOT RUN\r\n");
        assertThat(reactor.read("traceability-matrix.html")).contains(
                "<th scope=\"row\">Requirements in the catalogue</th><td>4</td>", "Without any test (NO TEST)</th><td>1</td>",
                "Covered by passing tests (VERIFIED)</th><td>1</td>", "<h2>Access control</h2>", "<h2>Retention</h2>",
                "Generated</th><td>2026-03-01 10:15:30 UTC</td>");
    }

    @Test
    @Tag("P11-10a-2")
    void failsafe_reports_count_and_without_any_report_every_tagged_test_is_not_run() {
        reactor.testSource("ebr-ear", "org.z.DatabaseRolesIT", """
                package org.z;
                class DatabaseRolesIT {
                    @Test @Tag("P11-10c-1") void the_app_role_cannot_delete() {}
                }
                """);

        assertThat(row(reactor.generate(), "P11-10c-1").status()).isEqualTo(RequirementStatus.NOT_RUN);

        reactor.report("ebr-ear", "failsafe-reports", "org.z.DatabaseRolesIT", """
                  <testcase name="the_app_role_cannot_delete" classname="org.z.DatabaseRolesIT" time="1.0"/>
                """);
        assertThat(row(reactor.generate(), "P11-10c-1").status()).isEqualTo(RequirementStatus.VERIFIED);
    }

    @Test
    @Tag("P11-10a-2")
    void tagged_tests_inherited_from_an_abstract_class_are_reported_under_the_concrete_class() {
        reactor.testSource("ebr-ejb", "org.x.ClockContract", """
                package org.x;
                @Tag("TIME-2")
                abstract class ClockContract {
                    @Test void stores_utc() {}
                }
                """).testSource("ebr-ejb", "org.x.SystemClockTest", """
                package org.x;
                class SystemClockTest extends ClockContract {
                    @Test void ticks() {}
                }
                """).report("ebr-ejb", "surefire-reports", "org.x.SystemClockTest", """
                  <testcase name="ticks" classname="org.x.SystemClockTest" time="0.01"/>
                  <testcase name="stores_utc" classname="org.x.SystemClockTest" time="0.01"/>
                """);

        assertThat(row(reactor.generate(), "TIME-2").tests()).extracting(TestRef::label).containsExactly(
                "org.x.SystemClockTest#stores_utc", "org.x.SystemClockTest#ticks");
    }

    @Test
    void the_html_escapes_what_it_shows() {
        reactor.catalogue("""
                P11-300d-1,Access <b>control</b>,11.300(d),"lockout after <script>alert(1)</script> & co",proof\r
                """).testSource("ebr-ejb", "org.x.LockTest", """
                package org.x;
                @Tag("P11-300d-1")
                class LockTest {
                    @Test void locks() {}
                }
                """).report("ebr-ejb", "surefire-reports", "org.x.LockTest", """
                  <testcase name="locks(List&lt;String&gt;)[1]" classname="org.x.LockTest" time="0.01"/>
                  <testcase name="&lt;img src=x&gt;" classname="org.x.LockTest" time="0.01"/>
                """);

        reactor.generate();

        String html = reactor.read("traceability-matrix.html");
        assertThat(html)
                .contains("lockout after &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .contains("<h2>Access &lt;b&gt;control&lt;/b&gt;</h2>")
                .contains("LockTest#<wbr>locks</code>")
                .contains("LockTest#<wbr>&lt;img src=x&gt;</code>")
                .doesNotContain("<script>").doesNotContain("<b>control").doesNotContain("<img");
        assertThat(reactor.read("traceability-matrix.md"))
                .contains("lockout after &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .doesNotContain("<script>");
    }

    @Test
    void a_git_checkout_is_named_and_its_absence_is_no_error() throws Exception {
        reactor.generate();
        assertThat(reactor.read("traceability-matrix.md")).contains("- Commit: unknown (.git not readable)");

        Files.createDirectories(dir.resolve(".git/refs/heads"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(dir.resolve(".git/refs/heads/main"), "0123456789abcdef0123456789abcdef01234567\n");
        reactor.generate();
        assertThat(reactor.read("traceability-matrix.md"))
                .contains("- Commit: 0123456789abcdef0123456789abcdef01234567 (main)");
    }

    private static Row row(TraceabilityMatrix matrix, String id) {
        List<Row> rows = matrix.rows().stream().filter(r -> r.requirement().id().equals(id)).toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
