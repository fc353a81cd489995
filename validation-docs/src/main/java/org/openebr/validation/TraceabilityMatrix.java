package org.openebr.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openebr.validation.EngineReports.EngineTest;
import org.openebr.validation.EngineReports.FailedContainer;
import org.openebr.validation.EngineReports.Reports;
import org.openebr.validation.EngineReports.Tier;

/**
 * Requirement -> tests -> result, from the tags and results the JUnit Platform reported, and the gate the build
 * applies to it.
 */
final class TraceabilityMatrix {

    /** The tag of a test that asserts a bad input, a refusal, an attack or a failure path: a negative test. */
    static final String NEGATIVE = "negative";

    /** One test that carries a requirement id, with its result; negative when it also carries {@value #NEGATIVE}. */
    record TestRef(String module, Tier tier, String className, String method, TestResult result,
            boolean negative) {

        String label() {
            return className + "#" + method;
        }
    }

    record Row(Requirement requirement, List<TestRef> tests, RequirementStatus status) {

        /** A HIGH requirement proved only by unit tests: the rigour its class asks for is not met. */
        boolean rigourGap() {
            return requirement.risk().priority() == Risk.Priority.HIGH && status == RequirementStatus.VERIFIED
                    && tests.stream().noneMatch(t -> t.tier() == Tier.INTEGRATION && t.result() == TestResult.PASSED);
        }

        /** A passing test carries the id and {@value TraceabilityMatrix#NEGATIVE}. */
        boolean negativelyTested() {
            return tests.stream().anyMatch(t -> t.negative() && t.result() == TestResult.PASSED);
        }
    }

    private final List<Row> rows;
    private final Map<String, List<Row>> bySection;
    private final Reports reports;

    private TraceabilityMatrix(List<Row> rows, Map<String, List<Row>> bySection, Reports reports) {
        this.rows = rows;
        this.bySection = bySection;
        this.reports = reports;
    }

    List<Row> rows() {
        return rows;
    }

    /** Catalogue sections in catalogue order, each with its rows in catalogue order. */
    Map<String, List<Row>> bySection() {
        return bySection;
    }

    List<Path> reportFiles() {
        return reports.files();
    }

    int testCases() {
        return reports.tests().size();
    }

    List<FailedContainer> failedContainers() {
        return reports.failedContainers();
    }

    long count(RequirementStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    long count(Risk.Priority priority) {
        return rows.stream().filter(r -> r.requirement().risk().priority() == priority).count();
    }

    Map<RequirementStatus, Long> counts() {
        Map<RequirementStatus, Long> counts = new EnumMap<>(RequirementStatus.class);
        for (RequirementStatus s : RequirementStatus.values()) {
            counts.put(s, count(s));
        }
        return counts;
    }

    /**
     * Fails when a test carries a requirement-id-shaped tag that the catalogue does not hold, naming each tag with
     * the tests that carry it.
     */
    static void checkTags(RequirementCatalogue catalogue, Reports reports, String cataloguePath) {
        Map<String, List<String>> unknown = new TreeMap<>();
        for (EngineTest test : reports.tests()) {
            for (String tag : test.tags()) {
                if (RequirementCatalogue.isRequirementId(tag) && !catalogue.contains(tag)) {
                    unknown.computeIfAbsent(tag, t -> new ArrayList<>()).add(test.label() + " (" + test.module()
                            + ")");
                }
            }
        }
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder("Test tags name requirement ids that are not in the catalogue ")
                    .append(cataloguePath).append(":");
            unknown.forEach((tag, where) -> where.stream().sorted().forEach(w -> message.append("\n  ").append(tag)
                    .append(": ").append(w)));
            message.append("\nAdd the requirement to the catalogue (ids are never reused) or correct the tag.");
            throw new TraceabilityException(message.toString());
        }
    }

    static TraceabilityMatrix build(RequirementCatalogue catalogue, Reports reports) {
        Map<String, List<TestRef>> testsById = new HashMap<>();
        for (EngineTest test : reports.tests()) {
            for (String tag : test.tags()) {
                if (catalogue.contains(tag)) {
                    testsById.computeIfAbsent(tag, k -> new ArrayList<>()).add(new TestRef(test.module(), test.tier(),
                            test.className(), test.method(), test.result(), test.tags().contains(NEGATIVE)));
                }
            }
        }
        // a class that failed as a whole takes its class-level requirement ids down with it
        for (FailedContainer container : reports.failedContainers()) {
            for (String tag : container.tags()) {
                if (catalogue.contains(tag)) {
                    testsById.computeIfAbsent(tag, k -> new ArrayList<>()).add(new TestRef(container.module(),
                            Tier.UNIT, container.name(), "(class)", TestResult.FAILED, false));
                }
            }
        }
        Comparator<TestRef> order = Comparator.comparing(TestRef::className).thenComparing(TestRef::method)
                .thenComparing(TestRef::tier);
        List<Row> rows = new ArrayList<>();
        Map<String, List<Row>> bySection = new LinkedHashMap<>();
        for (Requirement requirement : catalogue.requirements()) {
            List<TestRef> tests = testsById.getOrDefault(requirement.id(), List.of()).stream().sorted(order)
                    .toList();
            Row row = new Row(requirement, tests,
                    RequirementStatus.of(tests.stream().map(TestRef::result).toList()));
            rows.add(row);
            bySection.computeIfAbsent(requirement.section(), s -> new ArrayList<>()).add(row);
        }
        return new TraceabilityMatrix(List.copyOf(rows), bySection, reports);
    }

    /**
     * What stops the build: a failed test or test class; a HIGH requirement without a passing test (unless the
     * capability it needs is planned, not built), or without a passing negative test; a requirement without a passing test and without the reason
     * written in the catalogue (never silently untested); a reason still written for a requirement that is now
     * verified (the catalogue must say what is true) - but a planned part may stay named beside the tests that
     * prove the part that is built. Empty when the matrix may be released.
     */
    List<String> gate() {
        List<String> problems = new ArrayList<>();
        for (FailedContainer container : reports.failedContainers()) {
            problems.add("test class " + container.name() + " (" + container.module() + ") failed: "
                    + container.reason());
        }
        for (EngineTest test : reports.tests()) {
            if (test.result() == TestResult.FAILED) {
                problems.add("test " + test.label() + " (" + test.module() + ") failed");
            }
        }
        for (Row row : rows) {
            Requirement r = row.requirement();
            boolean verified = row.status() == RequirementStatus.VERIFIED;
            if (!verified && r.risk().priority() == Risk.Priority.HIGH && !r.planned()) {
                problems.add(r.id() + " is HIGH risk and has no passing test (" + row.status().label + ")"
                        + (r.notTestedBecause().isEmpty() ? "" : "; \"" + r.notTestedBecause()
                        + "\" does not excuse it: only a capability not yet built (\"planned: ...\") does"));
            } else if (verified && r.risk().priority() == Risk.Priority.HIGH && !row.negativelyTested()) {
                problems.add(r.id() + " is HIGH risk and none of its passing tests is a negative test (tag \""
                        + NEGATIVE + "\" on a test that asserts bad input, a refusal, an attack or a failure)");
            } else if (!verified && r.notTestedBecause().isEmpty()) {
                problems.add(r.id() + " has no passing test (" + row.status().label + ") and the catalogue does not"
                        + " say why (column not_tested_because)");
            } else if (verified && !r.notTestedBecause().isEmpty() && !r.planned()) {
                problems.add(r.id() + " is verified now, but the catalogue still says it is not tested because \""
                        + r.notTestedBecause() + "\": clear the column");
            }
        }
        return problems;
    }
}
