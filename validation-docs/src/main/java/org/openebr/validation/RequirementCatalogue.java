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

/** The requirement catalogue ({@code id,section,source,requirement,proof}), in file order. */
final class RequirementCatalogue {

    /** What a requirement id looks like; a test tag of this shape must name a catalogue row. */
    static final Pattern ID = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Za-z0-9.]+)+$");

    static final List<String> COLUMNS = List.of("id", "section", "source", "requirement", "proof");

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
            Requirement requirement = new Requirement(r.get(0).strip(), r.get(1).strip(), r.get(2).strip(),
                    r.get(3).strip(), r.get(4).strip());
            if (!isRequirementId(requirement.id())) {
                throw new TraceabilityException(where + ": \"" + requirement.id() + "\" is not a requirement id ("
                        + ID.pattern() + ")");
            }
            if (requirement.section().isEmpty() || requirement.text().isEmpty()) {
                throw new TraceabilityException(where + ": " + requirement.id() + " needs a section and a requirement");
            }
            if (byId.putIfAbsent(requirement.id(), requirement) != null) {
                throw new TraceabilityException(where + ": duplicate id " + requirement.id());
            }
        }
        return new RequirementCatalogue(Collections.unmodifiableMap(byId));
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
