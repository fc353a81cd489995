package org.openebr.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);
    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    @Tag("P11-300a-1")
    @Tag("negative")
    void hashes_are_salted_and_never_contain_the_password() {
        String first = hasher.hash("correct horse battery".toCharArray());
        String second = hasher.hash("correct horse battery".toCharArray());

        assertThat(first).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct horse battery");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery".toCharArray(), first)).isTrue();
        assertThat(hasher.matches("correct horse batterz".toCharArray(), first)).isFalse();
    }

    @Test
    @Tag("P11-300a-1")
    void the_production_work_factor_is_current() {
        assertThat(PasswordHasher.ITERATIONS).isGreaterThanOrEqualTo(600_000);
        assertThat(new PasswordHasher().hash("x".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    @Tag("P11-300a-1")
    @Tag("negative")
    void outside_demo_mode_no_setting_lowers_the_work_factor_and_in_demo_mode_it_stays_above_a_floor() {
        assertThat(settings(false, 20_000).passwordHasher().hash("x".toCharArray())).startsWith("pbkdf2-sha256$600000$");
        assertThat(settings(false, 900_000).passwordHasher().hash("x".toCharArray())).startsWith("pbkdf2-sha256$900000$");
        assertThat(settings(true, 20_000).passwordHasher().hash("x".toCharArray())).startsWith("pbkdf2-sha256$20000$");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(true, 5_000))
                .hasMessage("EBR_PASSWORD_HASH_ITERATIONS must be at least 10000, is 5000");
    }

    private static IdentitySettings settings(boolean demoMode, int iterations) {
        return new IdentitySettings(12, 5, 0, 72, 5, 15, 90, demoMode, iterations);
    }

    @Test
    void a_hash_made_with_another_work_factor_still_verifies() {
        String old = new PasswordHasher(2_000).hash("sterile filtration".toCharArray());
        assertThat(hasher.matches("sterile filtration".toCharArray(), old)).isTrue();
        assertThat(hasher.matches("sterile filtration".toCharArray(), "garbage")).isFalse();
        assertThat(hasher.matches("sterile filtration".toCharArray(), null)).isFalse();
    }

    @Test
    void short_common_and_personal_passwords_are_refused_with_reasons() {
        assertThat(policy.problems("jdoe", "John Doe", "short".toCharArray())).anyMatch(p -> p.contains("at least 12"));
        assertThat(policy.problems("jdoe", "John Doe", "password1234".toCharArray())).anyMatch(p -> p.contains("common"));
        assertThat(policy.problems("jdoe", "John Doe", "qwertyuiop".toCharArray())).anyMatch(p -> p.contains("common"));
        assertThat(policy.problems("jdoe", "John Doe", "jdoe-is-my-name-here".toCharArray())).anyMatch(p -> p.contains("user name"));
        assertThat(policy.problems("jdoe", "Johnathan Doe", "johnathan rules the line".toCharArray())).anyMatch(p -> p.contains("your name"));
        assertThat(policy.problems("jdoe", "John Doe", "aaaaaaaaaaaaaa".toCharArray())).isNotEmpty();
    }

    @Test
    void a_long_passphrase_is_accepted() {
        assertThat(policy.problems("jdoe", "John Doe", "vials crimped at dawn on line 4".toCharArray())).isEmpty();
    }

    @Test
    void one_time_passwords_are_random_and_unambiguous() {
        String first = new String(PasswordHasher.oneTimePassword());
        assertThat(first).hasSize(16).doesNotContain("0", "O", "1", "l", "I");
        assertThat(new String(PasswordHasher.oneTimePassword())).isNotEqualTo(first);
    }
}
