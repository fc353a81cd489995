package org.openebr.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openebr.validation.EngineReports.Tier;
import org.openebr.validation.TraceabilityMatrix.Row;
import org.openebr.validation.TraceabilityMatrix.TestRef;

/** The generator and its gate, from reports shaped as the JUnit Platform writes them. */
class GenerateTraceabilityMatrixTest {

    /** P11-300d-1 is HIGH and must be verified; the others say why they are not (yet). */
    private static final String CATALOGUE = """
            P11-300d-1,Access control,11.300(d),lockout after N failures,5 wrong -> locked,H,M,L,HIGH,\
            guessing passwords signs as someone else,\r
            A11D-11-4,Access control,A11D 11.10,admin and GMP roles segregated,SoD rule,H,L,M,MEDIUM,\
            role model is small,untested: needs the role editor\r
            TIME-2,Time,A11D 12.2/13.4,"stored UTC + site zone; shown with zone","different JVM zones",M,L,H,LOW,\
            "a wrong zone shows at once, to everyone",untested: shown on every screen\r
            P11-10c-1,Retention,11.10(c),no deletion of GMP records,DELETE -> 403,H,M,M,HIGH,\
            records lost for good,"planned: retention archive, issue 99"\r
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
    void a_requirement_id_maps_to_the_tests_the_engine_reported_with_it_and_their_tier() {
        reactor.test("ebr-ejb", "surefire", "org.x.UserAccountTest", "five_wrong_passwords_lock_the_account",
                        "P11-300d-1,negative", "SUCCESSFUL")
                .test("ebr-ejb", "surefire", "org.x.UserAccountTest", "untagged", "", "SUCCESSFUL")
                .test("ebr-ear", "failsafe", "org.x.LoginIT", "the_sixth_attempt_is_refused",
                        "P11-300d-1,slow", "SUCCESSFUL");

        TraceabilityMatrix matrix = reactor.generate();

        assertThat(row(matrix, "P11-300d-1").tests()).containsExactly(
                new TestRef("ebr-ear", Tier.INTEGRATION, "org.x.LoginIT", "the_sixth_attempt_is_refused",
                        TestResult.PASSED, false),
                new TestRef("ebr-ejb", Tier.UNIT, "org.x.UserAccountTest", "five_wrong_passwords_lock_the_account",
                        TestResult.PASSED, true));
        assertThat(row(matrix, "P11-300d-1").status()).isEqualTo(RequirementStatus.VERIFIED);
        assertThat(row(matrix, "P11-300d-1").rigourGap()).isFalse();
        assertThat(reactor.read("traceability-matrix.md"))
                .contains("**PASSED** `org.x.UserAccountTest#five_wrong_passwords_lock_the_account` (ebr-ejb, unit,"
                        + " negative)")
                .contains("`org.x.LoginIT#the_sixth_attempt_is_refused` (ebr-ear, integration, real server)")
                .contains("| P11-300d-1 | 11.300(d) | lockout after N failures<br>*Proof:* 5 wrong -&gt; locked |"
                        + " **HIGH** S H P M D L<br>guessing passwords signs as someone else |");
    }

    @Test
    @Tag("P11-10a-2")
    void a_high_requirement_verified_only_by_unit_tests_shows_the_rigour_gap() {
        reactor.test("ebr-ejb", "surefire", "org.x.UserAccountTest", "locks", "P11-300d-1,negative", "SUCCESSFUL");

        TraceabilityMatrix matrix = reactor.generate();

        assertThat(row(matrix, "P11-300d-1").rigourGap()).isTrue();
        assertThat(reactor.read("traceability-matrix.html")).contains("unit tests only: no real-server test yet");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void one_failed_invocation_fails_the_test_the_requirement_and_the_build_after_the_matrix_is_written() {
        reactor.test("ebr-ejb", "surefire", "org.x.RolesTest", "an_inspector_holds_nothing_else[1]", "P11-300d-1",
                        "SUCCESSFUL")
                .test("ebr-ejb", "surefire", "org.x.RolesTest", "an_inspector_holds_nothing_else[2]", "P11-300d-1",
                        "FAILED")
                .test("ebr-ejb", "surefire", "org.x.RolesTest", "an_inspector_holds_nothing_else[3]", "P11-300d-1",
                        "SUCCESSFUL");

        assertThatThrownBy(reactor::generate).isInstanceOf(TraceabilityException.class)
                .hasMessageContaining("test org.x.RolesTest#an_inspector_holds_nothing_else (ebr-ejb) failed")
                .hasMessageContaining("P11-300d-1 is HIGH risk and has no passing test (FAILED)");
        assertThat(reactor.read("traceability-matrix.md")).contains(
                "**FAILED** `org.x.RolesTest#an_inspector_holds_nothing_else` (ebr-ejb, unit) | **FAILED**");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void a_test_class_that_failed_before_its_tests_ran_fails_the_build_and_its_requirements() {
        reactor.test("ebr-ejb", "surefire", "org.x.UserAccountTest", "locks", "P11-300d-1,negative", "SUCCESSFUL")
                .failedClass("ebr-ear", "failsafe", "org.x.DeploymentIT", "P11-300d-1");

        assertThatThrownBy(reactor::generate).isInstanceOf(TraceabilityException.class)
                .hasMessageContaining("test class org.x.DeploymentIT (ebr-ear) failed")
                .hasMessageContaining("P11-300d-1 is HIGH risk and has no passing test (FAILED)");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void a_high_requirement_without_a_passing_test_fails_the_build_unless_its_capability_is_planned() {
        // P11-300d-1 is HIGH and not planned: no test at all fails the build; P11-10c-1 is HIGH and planned
        assertThatThrownBy(reactor::generate).isInstanceOf(TraceabilityException.class)
                .hasMessageContaining("P11-300d-1 is HIGH risk and has no passing test (NO TEST)")
                .hasMessageStartingWith("The traceability gate failed (1 problem;");
        assertThat(reactor.read("traceability-matrix.md")).contains("planned: retention archive, issue 99");

        // a skipped test does not verify it either
        reactor.test("ebr-ejb", "surefire", "org.x.UserAccountTest", "locks", "P11-300d-1", "ABORTED");
        assertThatThrownBy(reactor::generate).hasMessageContaining(
                "P11-300d-1 is HIGH risk and has no passing test (NOT RUN)");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void a_high_requirement_whose_passing_tests_are_all_positive_fails_the_build() {
        reactor.test("ebr-ear", "failsafe", "org.x.LoginIT", "signs_in", "P11-300d-1", "SUCCESSFUL")
                .test("ebr-ear", "failsafe", "org.x.LoginIT", "shows_the_last_sign_in", "P11-300d-1", "SUCCESSFUL");

        assertThatThrownBy(reactor::generate).hasMessageContaining("P11-300d-1 is HIGH risk and none of its passing"
                + " tests is a negative test (tag \"negative\" on a test that asserts bad input, a refusal, an attack"
                + " or a failure)");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void a_reason_that_is_not_a_planned_capability_does_not_excuse_a_high_requirement() {
        reactor.catalogue("""
                P11-300d-1,Access control,11.300(d),lockout,5 wrong,H,M,L,HIGH,brute force,too hard to test\r
                """);

        assertThatThrownBy(reactor::generate).hasMessageContaining("P11-300d-1 is HIGH risk and has no passing test"
                + " (NO TEST); \"too hard to test\" does not excuse it");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void a_requirement_without_a_passing_test_needs_the_reason_in_the_catalogue() {
        reactor.catalogue("""
                TIME-2,Time,A11D 12.2,stored UTC,zones,M,L,H,LOW,visible at once,\r
                """);

        assertThatThrownBy(reactor::generate).isInstanceOf(TraceabilityException.class).hasMessageContaining(
                "TIME-2 has no passing test (NO TEST) and the catalogue does not say why (column not_tested_because)");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void a_verified_requirement_whose_catalogue_still_gives_a_reason_fails_until_the_reason_is_cleared() {
        reactor.test("ebr-ejb", "surefire", "org.x.UserAccountTest", "locks", "P11-300d-1,negative", "SUCCESSFUL")
                .test("ebr-ejb", "surefire", "org.x.ClockTest", "stores_utc", "TIME-2", "SUCCESSFUL");

        assertThatThrownBy(reactor::generate).hasMessageContaining("TIME-2 is verified now, but the catalogue still"
                + " says it is not tested because \"untested: shown on every screen\": clear the column");
    }

    @Test
    @Tag("P11-10a-2")
    void a_requirement_proved_in_part_keeps_its_planned_part_named_beside_its_tests() {
        reactor.test("ebr-ejb", "surefire", "org.x.UserAccountTest", "locks", "P11-300d-1,negative", "SUCCESSFUL")
                .test("ebr-ear", "failsafe", "org.x.RetentionIT", "delete_is_refused", "P11-10c-1,negative",
                        "SUCCESSFUL");

        assertThat(row(reactor.generate(), "P11-10c-1").status()).isEqualTo(RequirementStatus.VERIFIED);
        assertThat(reactor.read("traceability-matrix.md")).contains("**VERIFIED**<br>in part; still planned:"
                + " retention archive, issue 99");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void an_unknown_requirement_id_fails_naming_the_tag_and_the_test_and_other_tags_are_ignored() {
        reactor.test("ebr-ejb", "surefire", "org.x.UserAccountTest", "locks", "P11-300d-1,slow,negative,Time-2",
                        "SUCCESSFUL")
                .test("ebr-web", "surefire", "org.x.ZoneTest", "names_a_requirement_nobody_wrote",
                        "P11-99z-1", "SUCCESSFUL");

        assertThatThrownBy(reactor::generate).isInstanceOf(TraceabilityException.class)
                .hasMessageContaining("P11-99z-1: org.x.ZoneTest#names_a_requirement_nobody_wrote (ebr-web)")
                .hasMessageNotContaining("slow").hasMessageNotContaining("Time-2");
        assertThat(reactor.output().resolve("traceability-matrix.html")).doesNotExist();
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void a_catalogue_line_without_a_risk_class_fails_naming_the_requirement() {
        reactor.catalogue("""
                P11-300d-1,Access control,11.300(d),lockout,5 wrong,H,M,L,,brute force,\r
                """);
        assertThatThrownBy(reactor::generate).isInstanceOf(TraceabilityException.class)
                .hasMessageContaining("record 2 (P11-300d-1): no risk class");

        reactor.catalogue("""
                P11-300d-1,Access control,11.300(d),lockout,5 wrong,,M,L,HIGH,brute force,\r
                """);
        assertThatThrownBy(reactor::generate).hasMessageContaining("record 2 (P11-300d-1): no severity (H, M or L)");

        reactor.catalogue("""
                P11-300d-1,Access control,11.300(d),lockout,5 wrong,H,X,L,HIGH,brute force,\r
                """);
        assertThatThrownBy(reactor::generate).hasMessageContaining("probability \"X\" is not H, M or L");

        reactor.catalogue("""
                P11-300d-1,Access control,11.300(d),lockout,5 wrong,H,M,L,HIGH,,\r
                """);
        assertThatThrownBy(reactor::generate).hasMessageContaining("(P11-300d-1): the risk needs a rationale");
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void a_risk_that_does_not_follow_from_its_factors_fails() {
        reactor.catalogue("""
                P11-300d-1,Access control,11.300(d),lockout,5 wrong,H,M,H,HIGH,brute force,\r
                """);

        assertThatThrownBy(reactor::generate).hasMessageContaining("(P11-300d-1): risk HIGH does not follow from"
                + " severity H, probability M (risk class 1) and detectability H, which give MEDIUM");
    }

    @Test
    @Tag("P11-10a-2")
    void the_risk_class_and_priority_follow_the_gamp_5_tables() {
        assertThat(Risk.riskClass(Risk.Level.H, Risk.Level.H)).isEqualTo(1);
        assertThat(Risk.riskClass(Risk.Level.H, Risk.Level.M)).isEqualTo(1);
        assertThat(Risk.riskClass(Risk.Level.M, Risk.Level.H)).isEqualTo(1);
        assertThat(Risk.riskClass(Risk.Level.H, Risk.Level.L)).isEqualTo(2);
        assertThat(Risk.riskClass(Risk.Level.M, Risk.Level.M)).isEqualTo(2);
        assertThat(Risk.riskClass(Risk.Level.L, Risk.Level.H)).isEqualTo(2);
        assertThat(Risk.riskClass(Risk.Level.M, Risk.Level.L)).isEqualTo(3);
        assertThat(Risk.riskClass(Risk.Level.L, Risk.Level.M)).isEqualTo(3);
        assertThat(Risk.riskClass(Risk.Level.L, Risk.Level.L)).isEqualTo(3);

        assertThat(List.of(Risk.priority(1, Risk.Level.L), Risk.priority(1, Risk.Level.M),
                Risk.priority(1, Risk.Level.H))).containsExactly(Risk.Priority.HIGH, Risk.Priority.HIGH,
                Risk.Priority.MEDIUM);
        assertThat(List.of(Risk.priority(2, Risk.Level.L), Risk.priority(2, Risk.Level.M),
                Risk.priority(2, Risk.Level.H))).containsExactly(Risk.Priority.HIGH, Risk.Priority.MEDIUM,
                Risk.Priority.LOW);
        assertThat(List.of(Risk.priority(3, Risk.Level.L), Risk.priority(3, Risk.Level.M),
                Risk.priority(3, Risk.Level.H))).containsExactly(Risk.Priority.MEDIUM, Risk.Priority.LOW,
                Risk.Priority.LOW);
    }

    @Test
    @Tag("P11-10a-2")
    @Tag("negative")
    void without_any_report_nothing_is_verified_and_the_high_requirements_fail_the_build() {
        assertThatThrownBy(reactor::generate).hasMessageContaining("P11-300d-1 is HIGH risk");
        assertThat(reactor.read("traceability-matrix.md")).contains(
                "no JUnit Platform reports found (tests skipped or not built yet): no requirement is verified");
    }

    @Test
    @Tag("P11-10a-2")
    void the_csv_holds_the_risk_and_the_reason_per_requirement() {
        reactor.test("ebr-ejb", "surefire", "org.x.UserAccountTest", "locks", "P11-300d-1,negative", "SUCCESSFUL");

        reactor.generate();

        assertThat(reactor.read("traceability-matrix.csv"))
                .startsWith("id,section,source,requirement,severity,probability,detectability,risk,status,"
                        + "not_tested_because,module,test_tier,test_class,test_method,test_result,test_negative\r\n")
                .contains("P11-300d-1,Access control,11.300(d),lockout after N failures,H,M,L,HIGH,VERIFIED,,"
                        + "ebr-ejb,unit,org.x.UserAccountTest,locks,PASSED,yes\r\n")
                .contains("P11-10c-1,Retention,11.10(c),no deletion of GMP records,H,M,M,HIGH,NO TEST,"
                        + "\"planned: retention archive, issue 99\",,,,,,\r\n");
    }

    @Test
    void the_html_escapes_what_it_shows() {
        reactor.catalogue("""
                P11-300d-1,Access <b>control</b>,11.300(d),"lockout after <script>alert(1)</script> & co",proof,\
                H,M,L,HIGH,<i>guess</i>,\r
                """).test("ebr-ejb", "surefire", "org.x.LockTest", "locks", "P11-300d-1,negative", "SUCCESSFUL")
                .test("ebr-ejb", "surefire", "org.x.LockTest", "<img src=x>", "P11-300d-1", "SUCCESSFUL");

        reactor.generate();

        String html = reactor.read("traceability-matrix.html");
        assertThat(html)
                .contains("lockout after &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .contains("<h2>Access &lt;b&gt;control&lt;/b&gt;</h2>")
                .contains("LockTest#<wbr>locks</code>")
                .contains("LockTest#<wbr>&lt;img src=x&gt;</code>")
                .contains("&lt;i&gt;guess&lt;/i&gt;")
                .doesNotContain("<script>").doesNotContain("<b>control").doesNotContain("<img")
                .doesNotContain("<i>guess");
        assertThat(reactor.read("traceability-matrix.md"))
                .contains("lockout after &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .doesNotContain("<script>");
    }

    @Test
    void a_git_checkout_is_named_and_its_absence_is_no_error() throws Exception {
        reactor.test("ebr-ejb", "surefire", "org.x.LockTest", "locks", "P11-300d-1,negative", "SUCCESSFUL");
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
