package org.openebr.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
