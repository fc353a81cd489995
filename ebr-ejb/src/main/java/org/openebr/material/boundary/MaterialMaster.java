package org.openebr.material.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openebr.material.control.MaterialReads;
import org.openebr.material.control.MaterialRules;
import org.openebr.material.control.MaterialStore;
import org.openebr.material.entity.Material;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.Constraints;

/**
 * The material master: every material by the number the ERP knows it by, its type, base unit,
 * storage conditions, shelf life, retest period and GTIN. QA adds materials (their specification
 * is QA's); everyone in a GMP role and inspectors read them.
 */
@Stateless
@RolesAllowed({"OPERATOR", "SUPERVISOR", "RECIPE_AUTHOR", "RECIPE_APPROVER", "QA_REVIEWER", "QA_RELEASER",
        "WAREHOUSE", "MAINTENANCE", "INSPECTOR"})
public class MaterialMaster {

    static final int REASON = 1000;

    @Inject
    MaterialStore store;

    @Inject
    ChangeContext change;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public List<MaterialFacts> list() {
        return store.materials().stream().map(MaterialReads::view).toList();
    }

    public MaterialFacts material(String materialNumber) {
        return store.material(materialNumber).map(MaterialReads::view).orElseThrow(() -> new MaterialRefused(
                MaterialRefused.Reason.MATERIAL_NOT_FOUND, "There is no material " + materialNumber + "."));
    }

    /**
     * The material a recipe names: by its exact material number, or by its name ignoring case (the
     * recipe model names materials as free text). Empty when the master knows neither.
     */
    @PermitAll // recipe validation asks, in whatever role it runs
    public Optional<MaterialFacts> resolve(String nameOrNumber) {
        if (nameOrNumber == null || nameOrNumber.isBlank()) {
            return Optional.empty();
        }
        String text = nameOrNumber.strip();
        return store.material(text).or(() -> store.materialNamed(text)).map(MaterialReads::view);
    }

    @RolesAllowed({"QA_REVIEWER", "QA_RELEASER"})
    public MaterialFacts create(NewMaterial m) {
        if (m == null) {
            throw MaterialRules.incomplete("The request carries no material.", "$", "is required");
        }
        List<DomainException.Violation> problems = new ArrayList<>();
        if (m.materialNumber() == null || !m.materialNumber().matches("[A-Z0-9][A-Z0-9._-]{1,39}")) {
            problems.add(new DomainException.Violation("materialNumber",
                    "2 to 40 capital letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (m.name() == null || m.name().isBlank() || m.name().length() > 200) {
            problems.add(new DomainException.Violation("name", "is required, at most 200 characters"));
        }
        if (m.type() == null) {
            problems.add(new DomainException.Violation("type", "is required: one of API, EXCIPIENT, SOLVENT, PACKAGING,"
                    + " INTERMEDIATE, FINISHED_GOOD"));
        }
        if (m.baseUnit() == null || QuantityUnit.of(m.baseUnit()).isEmpty()) {
            problems.add(new DomainException.Violation("baseUnit", "one of " + QuantityUnit.symbols()));
        }
        if (m.storageConditions() == null || m.storageConditions().isBlank() || m.storageConditions().length() > 200) {
            problems.add(new DomainException.Violation("storageConditions", "is required, at most 200 characters"));
        }
        if (m.shelfLifeMonths() != null && (m.shelfLifeMonths() < 1 || m.shelfLifeMonths() > 600)) {
            problems.add(new DomainException.Violation("shelfLifeMonths", "1 to 600 months"));
        }
        if (m.retestMonths() != null && (m.retestMonths() < 1 || m.retestMonths() > 600)) {
            problems.add(new DomainException.Violation("retestMonths", "1 to 600 months"));
        }
        if (m.reason() == null || m.reason().isBlank() || m.reason().length() > REASON) {
            problems.add(new DomainException.Violation("reason", "is required (why this material is added), at most"
                    + " 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new MaterialRefused(MaterialRefused.Reason.INCOMPLETE, "The material has " + problems.size()
                    + " problem" + (problems.size() == 1 ? "" : "s") + "; nothing was saved.", problems);
        }
        if (m.gtin() != null && !Gtin.valid(m.gtin())) {
            throw new MaterialRefused(MaterialRefused.Reason.GTIN_INVALID, "GTIN '" + m.gtin() + "' is not valid: a GTIN"
                    + " has 14 digits and its last digit is the GS1 check digit of the first 13"
                    + (m.gtin().matches("[0-9]{14}") ? " (it would be " + Gtin.checkDigit(m.gtin().substring(0, 13)) + ")" : "")
                    + ".", List.of(new DomainException.Violation("gtin", "14 digits with a valid check digit")));
        }
        if (store.material(m.materialNumber()).isPresent()) {
            throw taken("Material number " + m.materialNumber() + " exists already.");
        }
        if (store.materialNamed(m.name().strip()).isPresent()) {
            throw taken("A material named '" + m.name().strip() + "' exists already (names differ in more than case).");
        }
        if (m.gtin() != null && store.materialWithGtin(m.gtin()).isPresent()) {
            throw taken("GTIN " + m.gtin() + " belongs to material " + store.materialWithGtin(m.gtin()).get().materialNumber()
                    + " already.");
        }
        change.record("Add material " + m.materialNumber(), m.reason().strip()).actingAs(actingRole());
        Material material = new Material(m.materialNumber(), m.name().strip(), m.type(), m.baseUnit(),
                m.storageConditions().strip(), m.shelfLifeMonths(), m.retestMonths(), m.gtin(), m.reason().strip(),
                session.getCallerPrincipal().getName(), clock.instant());
        try {
            store.persist(material);
            store.flush();
        } catch (PersistenceException concurrent) {
            if (Constraints.violated(concurrent, "material_number_unique") || Constraints.violated(concurrent, "material_name_unique")
                    || Constraints.violated(concurrent, "material_gtin_unique")) {
                throw taken("Material " + m.materialNumber() + " was added by someone else at the same moment.");
            }
            throw concurrent;
        }
        return MaterialReads.view(material);
    }

    private String actingRole() {
        return session.isCallerInRole("QA_RELEASER") ? "QA_RELEASER" : "QA_REVIEWER";
    }

    private static MaterialRefused taken(String message) {
        return new MaterialRefused(MaterialRefused.Reason.MATERIAL_TAKEN, message);
    }
}
