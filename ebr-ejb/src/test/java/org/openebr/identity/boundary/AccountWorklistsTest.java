package org.openebr.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openebr.identity.boundary.AccountWorklists.QualificationState;

/** Where a qualification stands on a day: the worklists show the expiring and the expired ones. */
class AccountWorklistsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final LocalDate FROM = LocalDate.of(2025, 12, 1);

    @Test
    void a_qualification_is_current_until_the_horizon_then_expiring_and_expired_after_its_last_day() {
        assertThat(AccountWorklists.state(FROM, null, TODAY, 30)).isEqualTo(QualificationState.CURRENT);
        assertThat(AccountWorklists.state(FROM, TODAY.plusDays(31), TODAY, 30)).isEqualTo(QualificationState.CURRENT);
        assertThat(AccountWorklists.state(FROM, TODAY.plusDays(30), TODAY, 30)).isEqualTo(QualificationState.EXPIRING);
        // the last day is still valid (as Training.isQualified counts it)
        assertThat(AccountWorklists.state(FROM, TODAY, TODAY, 30)).isEqualTo(QualificationState.EXPIRING);
        assertThat(AccountWorklists.state(FROM, TODAY.minusDays(1), TODAY, 30)).isEqualTo(QualificationState.EXPIRED);
    }

    @Test
    void a_record_that_starts_later_is_not_valid_yet() {
        assertThat(AccountWorklists.state(TODAY.plusDays(1), null, TODAY, 30)).isEqualTo(QualificationState.NOT_YET_VALID);
    }
}
