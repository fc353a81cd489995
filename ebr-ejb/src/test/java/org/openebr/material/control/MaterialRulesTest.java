package org.openebr.material.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openebr.material.boundary.MaterialRefused;
import org.openebr.material.boundary.QuantityUnit;
import org.openebr.material.entity.Lot;
import org.openebr.material.entity.LotStatus;

class MaterialRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static Lot lot(LocalDate expiry, LocalDate retest) {
        return new Lot("L-2026-000001", UUID.randomUUID(), "supplier", "SL-1", expiry, retest, "receipt", "warehouse1", NOW);
    }

    private static MaterialRefused.Reason refusal(Lot lot) {
        try {
            MaterialRules.requireUsable(lot, TODAY);
            return null;
        } catch (MaterialRefused refused) {
            return refused.reason();
        }
    }

    @Test
    void only_a_released_lot_within_its_dates_is_usable_and_each_other_case_has_its_own_refusal() {
        Lot lot = lot(TODAY.plusDays(30), TODAY.plusDays(10));
        assertThat(refusal(lot)).isEqualTo(MaterialRefused.Reason.LOT_QUARANTINED);
        lot.moveTo(LotStatus.RELEASED, "QA", "qa2", NOW);
        assertThat(refusal(lot)).isNull();
        lot.moveTo(LotStatus.BLOCKED, "complaint", "qa1", NOW);
        assertThat(refusal(lot)).isEqualTo(MaterialRefused.Reason.LOT_BLOCKED);
        lot.moveTo(LotStatus.REJECTED, "OOS", "qa2", NOW);
        assertThat(refusal(lot)).isEqualTo(MaterialRefused.Reason.LOT_REJECTED);
    }

    @Test
    void expiry_and_retest_are_computed_on_the_day_of_use() {
        Lot expired = lot(TODAY.minusDays(1), null);
        expired.moveTo(LotStatus.RELEASED, "QA", "qa2", NOW);
        assertThat(refusal(expired)).isEqualTo(MaterialRefused.Reason.LOT_EXPIRED);
        assertThat(MaterialRules.statusOn(expired, TODAY)).isEqualTo("EXPIRED");
        Lot lastDay = lot(TODAY, null);
        lastDay.moveTo(LotStatus.RELEASED, "QA", "qa2", NOW);
        assertThat(refusal(lastDay)).as("the expiry date itself is still usable").isNull();
        Lot retest = lot(TODAY.plusDays(100), TODAY.minusDays(1));
        retest.moveTo(LotStatus.RELEASED, "QA", "qa2", NOW);
        assertThat(refusal(retest)).isEqualTo(MaterialRefused.Reason.LOT_RETEST_DUE);
    }

    @Test
    void a_blocked_lot_remembers_where_it_returns_to() {
        Lot lot = lot(TODAY.plusDays(30), null);
        lot.moveTo(LotStatus.BLOCKED, "investigation", "qa1", NOW);
        assertThat(lot.blockedFrom()).isEqualTo(LotStatus.QUARANTINE);
        lot.moveTo(LotStatus.QUARANTINE, "closed", "qa1", NOW);
        assertThat(lot.blockedFrom()).isNull();
        assertThatThrownBy(() -> lot.moveTo(LotStatus.QUARANTINE, "again", "qa1", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tolerance_is_a_band_of_percent_around_the_target() {
        assertThat(MaterialRules.withinTolerance(new BigDecimal("455.868"), new BigDecimal("453.6"), new BigDecimal("0.5"))).isTrue();
        assertThat(MaterialRules.withinTolerance(new BigDecimal("455.9"), new BigDecimal("453.6"), new BigDecimal("0.5"))).isFalse();
        assertThat(MaterialRules.band(new BigDecimal("405.0"), BigDecimal.ONE, "g")).isEqualTo("405 g +/- 1 % (400.95 to 409.05 g)");
    }

    @Test
    void quantities_are_above_zero_and_convert_only_within_a_dimension() {
        assertThatThrownBy(() -> MaterialRules.positive(BigDecimal.ZERO, "gross")).isInstanceOf(MaterialRefused.class)
                .hasMessageContaining("gross");
        assertThatThrownBy(() -> MaterialRules.convert(BigDecimal.TEN, QuantityUnit.MILLILITRE, QuantityUnit.GRAM,
                "Container C-1", "unit")).isInstanceOfSatisfying(MaterialRefused.class,
                r -> assertThat(r.reason()).isEqualTo(MaterialRefused.Reason.UNIT_NOT_CONVERTIBLE));
        assertThatThrownBy(() -> MaterialRules.unit("lb", "unit")).isInstanceOfSatisfying(MaterialRefused.class,
                r -> assertThat(r.reason()).isEqualTo(MaterialRefused.Reason.UNIT_UNKNOWN));
    }
}
