package org.openebr.recipe.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The smallest thing an operator or a machine does (an ISA-88 phase). Which of the optional fields
 * a step needs depends on its {@link StepType}.
 *
 * @param after ids of the steps this one waits for; several steps naming the same predecessor are
 *              parallel branches, one step naming several predecessors is where they join. Steps
 *              are sequenced only by {@code after}, never by their position in the document, so
 *              that parallel work can be expressed.
 * @param numeric unit, precision and limits of a {@code NUMERIC_ENTRY} (optional for a calculation
 *                or machine value that has limits)
 * @param formula the expression of a {@code CALCULATION}, see {@code org.openebr.recipe.control.Formula}
 * @param tag the machine data point a {@code MACHINE_VALUE} is read from
 * @param equipmentChecks what an {@code EQUIPMENT_CHECK} verifies about the unit of its class
 *                        (empty: that one is present and its status is clean)
 * @param qualifications the training records (qualification codes such as {@code OP-WEIGHING}) the
 *                       performer must currently hold for this step, in addition to its operation's
 *                       (see {@link Operation#qualificationsFor}); absent or empty: none of its own.
 *                       Last, so that documents written before it existed read and hash unchanged.
 * @param statistic for a {@code MACHINE_VALUE}: record not the value now but a statistic of the values the
 *                  tag delivered while the step was available (from its preceding steps' last entry to the
 *                  capture): {@code MEAN}, {@code MIN}, {@code MAX}, {@code RANGE} or {@code SD}; absent: the
 *                  value now. Absent values are left out of the stored document, so documents written
 *                  before it existed read and hash unchanged.
 */
@JsonbPropertyOrder({"id", "name", "type", "after", "instruction", "numeric", "formula", "charge", "equipmentClass", "equipmentChecks", "tag", "statistic", "choices", "signatures", "qualifications"})
public record Step(
        String id,
        String name,
        StepType type,
        List<String> after,
        String instruction,
        NumericSpec numeric,
        String formula,
        MaterialCharge charge,
        String equipmentClass,
        String tag,
        List<String> choices,
        SignatureRequirement signatures,
        List<EquipmentCheck> equipmentChecks,
        List<String> qualifications,
        String statistic) {

    /** The statistics a MACHINE_VALUE step may record. */
    public static final java.util.List<String> STATISTICS = java.util.List.of("MEAN", "MIN", "MAX", "RANGE", "SD");

    @jakarta.json.bind.annotation.JsonbCreator
    public Step {
    }

    /** A step without a statistic (every step type but a MACHINE_VALUE that asks for one). */
    public Step(String id, String name, StepType type, List<String> after, String instruction, NumericSpec numeric,
                String formula, MaterialCharge charge, String equipmentClass, String tag, List<String> choices,
                SignatureRequirement signatures, List<EquipmentCheck> equipmentChecks, List<String> qualifications) {
        this(id, name, type, after, instruction, numeric, formula, charge, equipmentClass, tag, choices, signatures,
                equipmentChecks, qualifications, null);
    }
}
