package org.openebr.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openebr.validation.TestReports.Reports;
import org.openebr.validation.TestReports.TestCase;
import org.openebr.validation.TestSource.Method;
import org.openebr.validation.TestSource.TagUse;
import org.openebr.validation.TestSource.Type;

/**
 * Requirement -> tests -> result. A tag on a method applies to that method; a tag on a class applies to every test
 * of the class, of its subclasses and of its nested classes (as JUnit inherits tags), and so to every testcase the
 * reports give for them.
 */
final class TraceabilityMatrix {

    /** One test that carries a requirement id, with its result. */
    record TestRef(String module, String className, String method, TestResult result) {

        String label() {
            return className + "#" + method;
        }
    }

    record Row(Requirement requirement, List<TestRef> tests, RequirementStatus status) {
    }

    private final List<Row> rows;
    private final Map<String, List<Row>> bySection;
    private final List<Path> reportFiles;
    private final int testCases;

    private TraceabilityMatrix(List<Row> rows, Map<String, List<Row>> bySection, List<Path> reportFiles,
            int testCases) {
        this.rows = rows;
        this.bySection = bySection;
        this.reportFiles = reportFiles;
        this.testCases = testCases;
    }

    List<Row> rows() {
        return rows;
    }

    /** Catalogue sections in catalogue order, each with its rows in catalogue order. */
    Map<String, List<Row>> bySection() {
        return bySection;
    }

    List<Path> reportFiles() {
        return reportFiles;
    }

    int testCases() {
        return testCases;
    }

    long count(RequirementStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
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
     * the file, line and test (or class) that carries it.
     */
    static void checkTags(RequirementCatalogue catalogue, List<Type> types, String cataloguePath) {
        Map<String, List<String>> unknown = new TreeMap<>();
        for (Type type : types) {
            for (TagUse tag : type.tags) {
                note(catalogue, unknown, tag, type.file + ":" + tag.line() + " " + type.binaryName + " (class)");
            }
            for (Method method : type.methods) {
                for (TagUse tag : method.tags()) {
                    note(catalogue, unknown, tag, type.file + ":" + tag.line() + " " + type.binaryName + "#"
                            + method.name());
                }
            }
        }
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder("Test tags name requirement ids that are not in the catalogue ")
                    .append(cataloguePath).append(":");
            unknown.forEach((tag, where) -> where.forEach(w -> message.append("\n  ").append(tag).append(": ")
                    .append(w)));
            message.append("\nAdd the requirement to the catalogue (ids are never reused) or correct the tag.");
            throw new TraceabilityException(message.toString());
        }
    }

    private static void note(RequirementCatalogue catalogue, Map<String, List<String>> unknown, TagUse tag,
            String where) {
        if (RequirementCatalogue.isRequirementId(tag.value()) && !catalogue.contains(tag.value())) {
            unknown.computeIfAbsent(tag.value(), t -> new ArrayList<>()).add(where);
        }
    }

    static TraceabilityMatrix build(RequirementCatalogue catalogue, List<Type> types, Reports reports) {
        Types index = new Types(types);
        Map<String, List<TestCase>> casesByClass = reports.testCases().stream()
                .collect(Collectors.groupingBy(TestCase::className, LinkedHashMap::new, Collectors.toList()));

        Map<String, Set<TestRef>> testsById = new HashMap<>();
        for (Type type : index.reported()) {
            Map<String, Method> methods = index.methods(type);
            Set<String> classIds = ids(index.classTags(type));
            Map<String, TestResult> results = new LinkedHashMap<>();
            for (TestCase testCase : casesByClass.getOrDefault(type.binaryName, List.of())) {
                results.merge(method(testCase.name(), methods), testCase.result(), TestResult::and);
            }
            for (Method method : methods.values()) {
                Set<String> ids = ids(method.tags());
                if (method.test()) {
                    ids.addAll(classIds);
                }
                TestResult result = results.getOrDefault(method.name(), TestResult.NOT_RUN);
                for (String id : ids) {
                    testsById.computeIfAbsent(id, k -> new LinkedHashSet<>())
                            .add(new TestRef(type.module, type.binaryName, method.name(), result));
                }
            }
            // testcases the sources do not show as methods (inherited from elsewhere, dynamic): class tags only
            results.forEach((name, result) -> {
                if (!methods.containsKey(name)) {
                    for (String id : classIds) {
                        testsById.computeIfAbsent(id, k -> new LinkedHashSet<>())
                                .add(new TestRef(type.module, type.binaryName, name, result));
                    }
                }
            });
        }

        Comparator<TestRef> order = Comparator.comparing(TestRef::className).thenComparing(TestRef::method);
        List<Row> rows = new ArrayList<>();
        Map<String, List<Row>> bySection = new LinkedHashMap<>();
        for (Requirement requirement : catalogue.requirements()) {
            List<TestRef> tests = testsById.getOrDefault(requirement.id(), Set.of()).stream().sorted(order).toList();
            Row row = new Row(requirement, tests,
                    RequirementStatus.of(tests.stream().map(TestRef::result).toList()));
            rows.add(row);
            bySection.computeIfAbsent(requirement.section(), s -> new ArrayList<>()).add(row);
        }
        return new TraceabilityMatrix(List.copyOf(rows), bySection, List.copyOf(reports.files()),
                reports.testCases().size());
    }

    private static Set<String> ids(List<TagUse> tags) {
        Set<String> ids = new LinkedHashSet<>();
        for (TagUse tag : tags) {
            if (RequirementCatalogue.isRequirementId(tag.value())) {
                ids.add(tag.value());
            }
        }
        return ids;
    }

    /** The source method a reported testcase name stands for, or the normalised name itself. */
    private static String method(String reported, Map<String, Method> methods) {
        String name = TestReports.methodName(reported);
        if (methods.containsKey(name)) {
            return name;
        }
        for (Method m : methods.values()) {
            String display = m.displayName();
            if (display != null && (reported.equals(display) || reported.startsWith(display + "[")
                    || reported.startsWith(display + "(") || reported.startsWith(display + " "))) {
                return m.name();
            }
        }
        return name;
    }

    /** The scanned types, with supertypes resolved by name as the compiler would, roughly. */
    private static final class Types {

        private final List<Type> all;
        private final Map<String, Type> byCanonicalName = new HashMap<>();
        private final Map<String, List<Type>> bySimpleName = new HashMap<>();

        Types(List<Type> all) {
            this.all = all;
            for (Type t : all) {
                byCanonicalName.putIfAbsent(t.canonicalName(), t);
                bySimpleName.computeIfAbsent(t.simpleName(), k -> new ArrayList<>()).add(t);
            }
        }

        /**
         * The types whose tests the reports name: every instantiable class, plus abstract ones no scanned class
         * extends (their tagged tests then show as not run rather than vanish).
         */
        List<Type> reported() {
            Set<Type> inherited = new HashSet<>();
            for (Type t : all) {
                if (t.instantiable()) {
                    ancestors(t, inherited);
                }
            }
            List<Type> reported = new ArrayList<>();
            for (Type t : all) {
                if (t.instantiable() || (!inherited.contains(t) && (!t.methods.isEmpty() || !t.tags.isEmpty())
                        && !t.kind.equals("record"))) {
                    reported.add(t);
                }
            }
            return reported;
        }

        private void ancestors(Type type, Set<Type> into) {
            for (String name : type.supertypes) {
                Type s = resolve(type, name);
                if (s != null && into.add(s)) {
                    ancestors(s, into);
                }
            }
        }

        /** Own test methods first, then those inherited (a redeclared method hides the inherited one). */
        Map<String, Method> methods(Type type) {
            Map<String, Method> methods = new LinkedHashMap<>();
            collectMethods(type, methods, new HashSet<>());
            return methods;
        }

        private void collectMethods(Type type, Map<String, Method> into, Set<Type> seen) {
            if (!seen.add(type)) {
                return;
            }
            for (Method m : type.methods) {
                into.putIfAbsent(m.name(), m);
            }
            for (String name : type.supertypes) {
                Type s = resolve(type, name);
                if (s != null) {
                    collectMethods(s, into, seen);
                }
            }
        }

        /** Tags declared on the class, its supertypes and its enclosing classes. */
        List<TagUse> classTags(Type type) {
            List<TagUse> tags = new ArrayList<>();
            collectClassTags(type, tags, new HashSet<>());
            return tags;
        }

        private void collectClassTags(Type type, List<TagUse> into, Set<Type> seen) {
            if (type == null || !seen.add(type)) {
                return;
            }
            into.addAll(type.tags);
            for (String name : type.supertypes) {
                collectClassTags(resolve(type, name), into, seen);
            }
            collectClassTags(type.enclosing, into, seen);
        }

        private Type resolve(Type from, String name) {
            if (name.contains(".")) {
                Type t = byCanonicalName.get(name);
                if (t != null) {
                    return t;
                }
                String first = name.substring(0, name.indexOf('.'));
                String rest = name.substring(first.length());
                if (from.imports.containsKey(first)) {
                    return byCanonicalName.get(from.imports.get(first) + rest);
                }
                return byCanonicalName.get(prefix(from.packageName) + name);
            }
            for (Type outer = from; outer != null; outer = outer.enclosing) {
                Type t = byCanonicalName.get(outer.canonicalName() + "." + name);
                if (t != null) {
                    return t;
                }
            }
            if (from.imports.containsKey(name)) {
                return byCanonicalName.get(from.imports.get(name));
            }
            Type samePackage = byCanonicalName.get(prefix(from.packageName) + name);
            if (samePackage != null) {
                return samePackage;
            }
            List<Type> candidates = bySimpleName.getOrDefault(name, List.of());
            return candidates.size() == 1 ? candidates.get(0) : null;
        }

        private static String prefix(String packageName) {
            return packageName.isEmpty() ? "" : packageName + ".";
        }
    }
}
