package org.openebr.validation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the functional and design specification says, read from the release itself rather than written again: the
 * README's introduction and configuration table, the components and their boundary services (with the first
 * sentence of each one's Javadoc), the REST operations of the OpenAPI document the server served during the build,
 * and the tables of the database migrations. Whatever is missing in a build is reported as missing.
 */
final class DesignFacts {

    record Service(String name, String summary) {
    }

    record Operation(String method, String path, String summary, String tag) {
    }

    record Table(String name, List<String> columns, boolean appendOnly, boolean audited, String migration) {
    }

    record Setting(String variable, String defaultValue, String usedBy, String meaning) {
    }

    final String introduction;
    final Map<String, List<Service>> components;
    final List<Operation> operations;
    final List<Table> tables;
    final List<Setting> settings;
    final java.util.Set<String> missing = new java.util.LinkedHashSet<>();

    private static final Pattern TYPE = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
            + "public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)", Pattern.DOTALL);
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\)( PARTITION BY [^;]+)?;",
            Pattern.DOTALL);

    DesignFacts(Path root) {
        introduction = introduction(root.resolve("README.md"));
        components = components(root.resolve("ebr-ejb/src/main/java/org/openebr"));
        operations = operations(root.resolve("ebr-ear/target/openapi-lint/openapi.json"));
        tables = tables(root.resolve("ebr-ejb/src/main/resources/db/migration"));
        settings = settings(root.resolve("README.md"));
    }

    private String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            missing.add(file.getFileName() + " (" + e.getClass().getSimpleName() + ")");
            return "";
        }
    }

    /** The README's text between its title and its first second-level heading. */
    private String introduction(Path readme) {
        String text = read(readme);
        int start = text.indexOf('\n');
        int end = text.indexOf("\n## ");
        return start < 0 || end < 0 ? "" : text.substring(start, end).strip();
    }

    private Map<String, List<Service>> components(Path sources) {
        Map<String, List<Service>> found = new TreeMap<>();
        if (!Files.isDirectory(sources)) {
            missing.add("the sources of the EJB module");
            return found;
        }
        try (Stream<Path> dirs = Files.list(sources)) {
            for (Path component : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<Service> services = new ArrayList<>();
                Path boundary = component.resolve("boundary");
                if (Files.isDirectory(boundary)) {
                    try (Stream<Path> files = Files.list(boundary)) {
                        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                            String source = read(file);
                            if (!source.contains("@Stateless") && !source.contains("@Singleton")
                                    && !source.contains("@ApplicationScoped")) {
                                continue; // vocabulary (records, enums, exceptions), not a service
                            }
                            Matcher m = TYPE.matcher(source);
                            if (m.find()) {
                                services.add(new Service(m.group(2), firstSentence(m.group(1))));
                            }
                        }
                    }
                }
                found.put(component.getFileName().toString(), services);
            }
        } catch (IOException e) {
            missing.add("the sources of the EJB module (" + e.getMessage() + ")");
        }
        return found;
    }

    static String firstSentence(String javadoc) {
        String text = javadoc.replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\{@\\w+\\s+([^}]*)}", "$1")
                .replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
        int at = text.indexOf(" @");
        if (at >= 0) {
            text = text.substring(0, at);
        }
        // a sentence ends at a full stop before a capital letter or at the end, not at "e.g." or "i.e."
        Matcher end = Pattern.compile("\\.(\\s+(?=[A-Z])|$)").matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    private List<Operation> operations(Path openapi) {
        List<Operation> found = new ArrayList<>();
        if (!Files.isRegularFile(openapi)) {
            missing.add("the OpenAPI document (ebr-ear/target/openapi-lint/openapi.json: ApiContractIT writes it)");
            return found;
        }
        try (Reader in = Files.newBufferedReader(openapi); JsonReader json = Json.createReader(in)) {
            JsonObject paths = json.readObject().getJsonObject("paths");
            for (Map.Entry<String, JsonValue> path : new TreeMap<>(paths).entrySet()) {
                for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                    if (op.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                        continue;
                    }
                    JsonObject o = op.getValue().asJsonObject();
                    String tag = o.containsKey("tags") && !o.getJsonArray("tags").isEmpty()
                            ? o.getJsonArray("tags").getString(0) : "";
                    found.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            o.getString("summary", ""), tag));
                }
            }
        } catch (IOException | RuntimeException e) {
            missing.add("the OpenAPI document (" + e.getMessage() + ")");
        }
        return found;
    }

    private List<Table> tables(Path migrations) {
        List<Table> found = new ArrayList<>();
        if (!Files.isDirectory(migrations)) {
            missing.add("the database migrations");
            return found;
        }
        try (Stream<Path> files = Files.list(migrations)) {
            List<Path> sorted = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            String all = "";
            for (Path file : sorted) {
                all += read(file) + "\n";
            }
            for (Path file : sorted) {
                Matcher m = CREATE.matcher(read(file));
                while (m.find()) {
                    String name = m.group(1);
                    if (name.endsWith("_aud")) {
                        continue;
                    }
                    List<String> columns = new ArrayList<>();
                    for (String line : m.group(2).split("\n")) {
                        String l = line.strip().replaceAll(",$", "");
                        if (l.isEmpty() || l.startsWith("--") || l.startsWith("CONSTRAINT") || l.startsWith("PRIMARY")
                                || l.startsWith("UNIQUE") || l.startsWith("CHECK") || l.startsWith("OR ")
                                || l.startsWith("FOREIGN")) {
                            continue;
                        }
                        String[] parts = l.split("\\s+");
                        if (parts.length >= 2 && parts[0].matches("[a-z_0-9]+")) {
                            columns.add(parts[0] + " " + parts[1]);
                        }
                    }
                    found.add(new Table(name, columns, all.contains("make_append_only('" + name + "')"),
                            all.contains("CREATE TABLE " + name + "_aud "), file.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            missing.add("the database migrations (" + e.getMessage() + ")");
        }
        return found;
    }

    private static int version(Path migration) {
        String n = migration.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.indexOf("__")));
    }

    /** The rows of the README's configuration table: | `EBR_X` | default | used by | meaning |. */
    private List<Setting> settings(Path readme) {
        List<Setting> found = new ArrayList<>();
        for (String line : read(readme).split("\n")) {
            if (!line.startsWith("| `EBR_")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            if (cells.length >= 5) {
                found.add(new Setting(plain(cells[1]), plain(cells[2]), plain(cells[3]), plain(cells[4])));
            }
        }
        return found;
    }

    private static String plain(String markdown) {
        return markdown.strip().replace("`", "").replace("**", "").replace("\\|", "|");
    }
}
