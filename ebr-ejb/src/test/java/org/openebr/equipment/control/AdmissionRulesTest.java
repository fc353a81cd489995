package org.openebr.equipment.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openebr.equipment.boundary.EquipmentRefused;
import org.openebr.equipment.boundary.EquipmentRefused.Reason;
import org.openebr.equipment.boundary.EquipmentUse;
import org.openebr.equipment.entity.EquipmentClass;
import org.openebr.equipment.entity.EquipmentStatus;
import org.openebr.equipment.entity.EquipmentUnit;
import org.openebr.equipment.entity.LogEntry;
import org.openebr.equipment.entity.LogKind;
import org.openebr.equipment.entity.Qualification;
import org.openebr.recipe.boundary.EquipmentCheck;

/** The equipment gate's rules, one broken at a time, with a fixed clock. */
class AdmissionRulesTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final EquipmentClass VESSEL = new EquipmentClass("compounding vessel", false, Duration.ofHours(72),
            Duration.ofHours(24), "m", T0);
    static final EquipmentClass BALANCE = new EquipmentClass("balance", true, null, null, "m", T0);
    static final Set<EquipmentCheck> VESSEL_CHECKS = Set.of(EquipmentCheck.CLEAN, EquipmentCheck.CLEAN_HOLD_TIME);
    static final Set<EquipmentCheck> BALANCE_CHECKS = Set.of(EquipmentCheck.CALIBRATED, EquipmentCheck.QUALIFIED);

    @Test
    void a_vessel_cleaned_and_verified_is_admitted_within_its_clean_hold_and_refused_after_it() {
        EquipmentUnit vessel = cleanVessel();

        assertThat(refusal(vessel, "compounding vessel", VESSEL_CHECKS, T0.plus(Duration.ofHours(71)))).isEmpty();
        assertThat(refusal(vessel, "compounding vessel", VESSEL_CHECKS, T0.plus(Duration.ofHours(72))))
                .hasValueSatisfying(r -> {
                    assertThat(r.reason()).isEqualTo(Reason.CLEAN_HOLD_EXPIRED);
                    assertThat(r.getMessage()).contains("V-101").contains("2026-03-05T08:00:00Z");
                });
        // a clean unit past its clean-hold is not clean for use, whichever of the two checks the step names
        assertThat(refusal(vessel, null, Set.of(EquipmentCheck.CLEAN), T0.plus(Duration.ofDays(4))))
                .map(EquipmentRefused::reason).hasValue(Reason.CLEAN_HOLD_EXPIRED);
    }

    @Test
    void a_dirty_vessel_is_refused_and_flagged_once_past_its_dirty_hold() {
        EquipmentUnit vessel = new EquipmentUnit("V-102", VESSEL, "vessel", "C-1.12", null, null, "m", T0);

        assertThat(refusal(vessel, "compounding vessel", VESSEL_CHECKS, T0)).map(EquipmentRefused::reason)
                .hasValue(Reason.NOT_CLEAN);
        assertThat(vessel.dirtyHoldExceeded(T0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(vessel.dirtyHoldExceeded(T0.plus(Duration.ofHours(24)))).isTrue();
        assertThat(refusal(vessel, null, VESSEL_CHECKS, T0.plus(Duration.ofHours(25))).orElseThrow().getMessage())
                .contains("dirty-hold");
    }

    @Test
    void the_wrong_class_is_refused_naming_both_classes() {
        assertThat(refusal(cleanVessel(), "balance", Set.of(), T0)).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Reason.WRONG_CLASS);
            assertThat(r.getMessage()).isEqualTo("V-101 is a compounding vessel, not a balance as the step requires.");
        });
        assertThat(refusal(cleanVessel(), "Compounding Vessel", VESSEL_CHECKS, T0)).isEmpty();
    }

    @Test
    void a_balance_is_admitted_while_calibrated_and_qualified_and_refused_once_the_calibration_is_due() {
        EquipmentUnit balance = new EquipmentUnit("BAL-01", BALANCE, "balance", "D-1.04", 365, null, "m", T0);
        assertThat(refusal(balance, "balance", BALANCE_CHECKS, T0)).map(EquipmentRefused::reason)
                .hasValue(Reason.CALIBRATION_OVERDUE); // never calibrated

        balance.calibrated(true, T0, "CAL-1", T0.plus(Duration.ofDays(365)), "m", T0);
        assertThat(refusal(balance, "balance", BALANCE_CHECKS, T0)).map(EquipmentRefused::reason)
                .hasValue(Reason.NOT_QUALIFIED);

        balance.qualified(Qualification.QUALIFIED, "PQ-1", "m", T0);
        assertThat(refusal(balance, "balance", BALANCE_CHECKS, T0.plus(Duration.ofDays(364)))).isEmpty();
        // an overdue calibration blocks any use, whatever the step checks (21 CFR 211.68)
        assertThat(refusal(balance, null, Set.of(), T0.plus(Duration.ofDays(365)))).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Reason.CALIBRATION_OVERDUE);
            assertThat(r.getMessage()).contains("BAL-01").contains("2027-03-02T08:00:00Z");
        });
    }

    @Test
    void a_failed_calibration_takes_the_unit_out_of_service_and_makes_it_due_at_once() {
        EquipmentUnit balance = new EquipmentUnit("BAL-02", BALANCE, "balance", "D-1.04", 365, null, "m", T0);
        balance.calibrated(true, T0, "CAL-1", T0.plus(Duration.ofDays(365)), "m", T0);

        LogEntry failed = balance.calibrated(false, T0.plus(Duration.ofDays(10)), "CAL-2", null, "m", T0.plus(Duration.ofDays(10)));

        assertThat(failed.statusAfter()).isEqualTo(EquipmentStatus.OUT_OF_SERVICE);
        assertThat(balance.calibrationDue()).isEqualTo(T0.plus(Duration.ofDays(10)));
        assertThat(refusal(balance, "balance", Set.of(), T0.plus(Duration.ofDays(10)))).map(EquipmentRefused::reason)
                .hasValue(Reason.OUT_OF_SERVICE);
    }

    @Test
    void another_batch_holding_the_unit_maintenance_and_the_wear_limit_refuse_each_with_its_own_kind() {
        EquipmentUnit vessel = cleanVessel();
        LogEntry taken = vessel.occupy("B-1", "o1", T0);
        assertThat(taken.kind()).isEqualTo(LogKind.OCCUPIED);
        assertThat(refusal(vessel, null, VESSEL_CHECKS, T0, "B-2")).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Reason.IN_USE);
            assertThat(r.getMessage()).contains("B-1");
        });
        assertThat(refusal(vessel, null, VESSEL_CHECKS, T0, "B-1")).isEmpty();

        vessel.maintenance(true, "seal", "m", T0);
        assertThat(refusal(vessel, null, Set.of(), T0)).map(EquipmentRefused::reason).hasValue(Reason.IN_MAINTENANCE);

        EquipmentUnit tool = new EquipmentUnit("T-1", VESSEL, "tool", "here", null, 2L, "m", T0);
        tool.use("B-1", "s", "o1", T0);
        assertThat(refusal(tool, null, Set.of(), T0)).isEmpty();
        tool.use("B-1", "s", "o1", T0);
        assertThat(refusal(tool, null, Set.of(), T0)).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Reason.WEAR_LIMIT_REACHED);
            assertThat(r.getMessage()).isEqualTo("T-1 has reached its wear limit: used 2 times, limit 2.");
        });
    }

    private static EquipmentUnit cleanVessel() {
        EquipmentUnit vessel = new EquipmentUnit("V-101", VESSEL, "vessel", "C-1.12", null, null, "m", T0);
        LogEntry cleaning = vessel.cleaned("SOP-CL-101", "o1", T0);
        LogEntry verified = vessel.cleaningVerified(cleaning, "o2", T0);
        assertThat(verified.statusAfter()).isEqualTo(EquipmentStatus.CLEAN);
        return vessel;
    }

    private static Optional<EquipmentRefused> refusal(EquipmentUnit unit, String equipmentClass, Set<EquipmentCheck> checks,
                                                      Instant now) {
        return refusal(unit, equipmentClass, checks, now, "B-9");
    }

    private static Optional<EquipmentRefused> refusal(EquipmentUnit unit, String equipmentClass, Set<EquipmentCheck> checks,
                                                      Instant now, String batch) {
        return AdmissionRules.refusal(unit, new EquipmentUse(unit.equipmentId(), equipmentClass, checks, batch, "s"), now);
    }
}
