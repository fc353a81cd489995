package org.openebr.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The requirement catalogue, in file order: {@code id,section,source,requirement,proof}, the risk assessment
 * ({@code severity,probability,detectability,risk,rationale}, see {@link Risk}) and {@code not_tested_because}.
 */
final class RequirementCatalogue {

    /** What a requirement id looks like; a test tag of this shape must name a catalogue row. */
    static final Pattern ID = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Za-z0-9.]+)+$");

    static final List<String> COLUMNS = List.of("id", "section", "source", "requirement", "proof",
            "severity", "probability", "detectability", "risk", "rationale", "not_tested_because");

    private final Map<String, Requirement> byId;

    private RequirementCatalogue(Map<String, Requirement> byId) {
        this.byId = byId;
    }

    static boolean isRequirementId(String tag) {
        return ID.matcher(tag).matches();
    }

    static RequirementCatalogue read(Path csv) {
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TraceabilityException("cannot read the requirement catalogue " + csv + ": " + e.getMessage(), e);
        }
        List<List<String>> records = Csv.parse(text);
        if (records.isEmpty() || !records.get(0).equals(COLUMNS)) {
            throw new TraceabilityException(csv + ": the first record must be the header " + String.join(",", COLUMNS));
        }
        Map<String, Requirement> byId = new LinkedHashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            String where = csv + " record " + (i + 1);
            if (r.size() != COLUMNS.size()) {
                throw new TraceabilityException(where + ": " + r.size() + " fields, expected " + COLUMNS.size());
            }
            String id = r.get(0).strip();
            if (!isRequirementId(id)) {
                throw new TraceabilityException(where + ": \"" + id + "\" is not a requirement id (" + ID.pattern()
                        + ")");
            }
            if (r.get(1).isBlank() || r.get(3).isBlank()) {
                throw new TraceabilityException(where + ": " + id + " needs a section and a requirement");
            }
            Requirement requirement = new Requirement(id, r.get(1).strip(), r.get(2).strip(), r.get(3).strip(),
                    r.get(4).strip(), risk(r, where + " (" + id + ")"), r.get(10).strip());
            if (byId.putIfAbsent(requirement.id(), requirement) != null) {
                throw new TraceabilityException(where + ": duplicate id " + requirement.id());
            }
        }
        return new RequirementCatalogue(Collections.unmodifiableMap(byId));
    }

    /**
     * The risk columns of one record: each factor H, M or L, and the risk the factors give (written out, so that a
     * reader of the catalogue sees it, and checked, so that it cannot drift from the factors).
     */
    private static Risk risk(List<String> r, String where) {
        Risk.Level severity = level(r.get(5), "severity", where);
        Risk.Level probability = level(r.get(6), "probability", where);
        Risk.Level detectability = level(r.get(7), "detectability", where);
        if (r.get(8).isBlank()) {
            throw new TraceabilityException(where + ": no risk class; write the risk (HIGH, MEDIUM or LOW) that"
                    + " severity, probability and detectability give");
        }
        Risk.Priority stated = Risk.Priority.parse(r.get(8));
        if (stated == null) {
            throw new TraceabilityException(where + ": risk \"" + r.get(8).strip() + "\" is not HIGH, MEDIUM or LOW");
        }
        int riskClass = Risk.riskClass(severity, probability);
        Risk.Priority computed = Risk.priority(riskClass, detectability);
        if (stated != computed) {
            throw new TraceabilityException(where + ": risk " + stated + " does not follow from severity " + severity
                    + ", probability " + probability + " (risk class " + riskClass + ") and detectability "
                    + detectability + ", which give " + computed);
        }
        if (r.get(9).isBlank()) {
            throw new TraceabilityException(where + ": the risk needs a rationale");
        }
        return new Risk(severity, probability, detectability, computed, r.get(9).strip());
    }

    private static Risk.Level level(String value, String column, String where) {
        if (value.isBlank()) {
            throw new TraceabilityException(where + ": no " + column + " (H, M or L); every requirement needs its"
                    + " risk assessed");
        }
        Risk.Level level = Risk.Level.parse(value);
        if (level == null) {
            throw new TraceabilityException(where + ": " + column + " \"" + value.strip() + "\" is not H, M or L");
        }
        return level;
    }

    List<Requirement> requirements() {
        return List.copyOf(byId.values());
    }

    Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Section names in the order they first appear. */
    List<String> sections() {
        List<String> sections = new ArrayList<>();
        for (Requirement r : byId.values()) {
            if (!sections.contains(r.section())) {
                sections.add(r.section());
            }
        }
        return sections;
    }
}
