package org.openebr.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    @Tag("PICS-9.5-1")
    void a_new_account_must_change_its_one_time_password_but_a_demo_account_need_not() {
        assertThat(new UserAccount("jdoe", "John Doe", false, false, "h", "admin1", NOW).passwordChangeRequired()).isTrue();
        assertThat(new UserAccount("qa1", "Quentin", false, true, "h", "system", NOW).passwordChangeRequired()).isFalse();
    }

    @Test
    @Tag("P11-300b-1")
    void a_one_time_password_expires_after_its_validity_and_a_new_one_or_the_own_password_does_not() {
        Duration validity = Duration.ofHours(72);
        UserAccount account = new UserAccount("jdoe", "John Doe", false, false, "h", "admin1", NOW);

        assertThat(account.oneTimePasswordExpired(validity, NOW.plus(validity).minusSeconds(1))).isFalse();
        assertThat(account.oneTimePasswordExpired(validity, NOW.plus(validity))).isTrue();

        Instant reset = NOW.plus(Duration.ofDays(10));
        account.resetPassword("h2", reset);
        assertThat(account.oneTimePasswordExpired(validity, reset.plus(Duration.ofHours(71)))).as("a reset issues a new one").isFalse();
        account.changePassword("own", reset.plus(Duration.ofHours(1)));
        assertThat(account.oneTimePasswordExpired(validity, reset.plus(Duration.ofDays(400)))).as("own password").isFalse();
        assertThat(new UserAccount("qa1", "Quentin", false, true, "h", "system", NOW)
                .oneTimePasswordExpired(validity, NOW.plus(Duration.ofDays(400)))).as("demo account").isFalse();
    }

    @Test
    void only_a_demo_account_is_given_the_demo_password() {
        UserAccount demo = new UserAccount("qa1", "Quentin", false, true, "old", "system", NOW);
        demo.setDemoPassword("new", NOW.plusSeconds(60));
        assertThat(demo.passwordHash()).isEqualTo("new");
        assertThat(demo.passwordSetAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(demo.passwordChangeRequired()).isFalse();

        UserAccount real = new UserAccount("jdoe", "John Doe", false, false, "h", "admin1", NOW);
        assertThatThrownBy(() -> real.setDemoPassword("new", NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(real.passwordHash()).isEqualTo("h");
    }

    @Test
    @Tag("P11-300d-1")
    void the_fifth_consecutive_failure_locks_and_only_an_unlock_opens_again() {
        UserAccount account = new UserAccount("jdoe", "John Doe", false, false, "h", "admin1", NOW);
        for (int i = 1; i < 5; i++) {
            assertThat(account.recordFailedAttempt(5, NOW)).isFalse();
        }
        assertThat(account.recordFailedAttempt(5, NOW)).isTrue();
        assertThat(account.status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(account.recordFailedAttempt(5, NOW)).as("already locked").isFalse();

        account.unlock();
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.failedAttempts()).isZero();
    }

    @Test
    void only_a_locked_account_can_be_unlocked() {
        UserAccount account = new UserAccount("jdoe", "John Doe", false, false, "h", "admin1", NOW);
        assertThatThrownBy(account::unlock).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Tag("P11-100a-1")
    void user_names_are_unique_ignoring_case() {
        assertThat(UserAccount.key("QA1")).isEqualTo(UserAccount.key("qa1"));
    }

    @Test
    @Tag("P11-10i-1")
    void a_training_record_qualifies_only_within_its_validity_and_until_voided() {
        TrainingRecord record = new TrainingRecord(UUID.randomUUID(), "OP-ASEPTIC-FILLING", "aseptic filling",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), "supervisor1", NOW);

        assertThat(record.qualifies("OP-ASEPTIC-FILLING", LocalDate.parse("2025-12-31"))).isFalse();
        assertThat(record.qualifies("OP-ASEPTIC-FILLING", LocalDate.parse("2026-01-01"))).isTrue();
        assertThat(record.qualifies("OP-ASEPTIC-FILLING", LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(record.qualifies("OP-ASEPTIC-FILLING", LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(record.qualifies("OP-CAPPING", LocalDate.parse("2026-06-01"))).isFalse();

        record.voidRecord("supervisor1", "wrong person", NOW);
        assertThat(record.qualifies("OP-ASEPTIC-FILLING", LocalDate.parse("2026-06-01"))).isFalse();
    }
}
