package org.openebr.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The tests as the JUnit Platform ran them, read from the Open Test Reporting event files that its
 * {@code OpenTestReportGeneratingListener} writes ({@code junit.platform.reporting.open.xml.enabled=true}, set for
 * Surefire and Failsafe in the root pom). Each test comes with the tags the engine gave it - its own, its class's,
 * inherited from superclasses and enclosing classes, and from composed annotations - and its result. No test source
 * is read.
 *
 * <p>Files: {@code <module>/target/junit-platform/<tier>/open-test-report.xml}, where the tier is {@code surefire}
 * (unit tests, no server) or {@code failsafe} (integration tests against the real WildFly and PostgreSQL).
 */
final class EngineReports {

    static final String DIR = "target/junit-platform";
    static final String FILE = "open-test-report.xml";

    private static final String EVENTS_NS = "https://schemas.opentest4j.org/reporting/events/0.2.0";

    /** Where a test ran. */
    enum Tier {
        UNIT("unit"),
        INTEGRATION("integration, real server");

        final String label;

        Tier(String label) {
            this.label = label;
        }

        static Tier of(String folder) {
            return folder.equals("failsafe") ? INTEGRATION : UNIT;
        }
    }

    /**
     * One test method over all its invocations (a parameterised test is one test that fails when any invocation
     * failed).
     */
    record EngineTest(String module, Tier tier, String className, String method, Set<String> tags,
            TestResult result) {

        String label() {
            return className + "#" + method;
        }
    }

    /** A test class (or other container) that failed as such, e.g. in {@code @BeforeAll}: its tests never ran. */
    record FailedContainer(String module, String name, Set<String> tags, String reason) {
    }

    record Reports(List<Path> files, List<EngineTest> tests, List<FailedContainer> failedContainers) {

        int invocations() {
            return tests.size();
        }
    }

    private EngineReports() {
    }

    static Reports read(Path reactorRoot) {
        List<Path> files = new ArrayList<>();
        Map<String, EngineTest> tests = new LinkedHashMap<>();
        List<FailedContainer> failed = new ArrayList<>();
        for (Path file : files(reactorRoot)) {
            Path relative = reactorRoot.relativize(file);
            String module = relative.getName(0).toString();
            Tier tier = Tier.of(file.getParent().getFileName().toString());
            files.add(relative);
            read(file, module, tier, tests, failed);
        }
        return new Reports(List.copyOf(files), List.copyOf(tests.values()), List.copyOf(failed));
    }

    static List<Path> files(Path reactorRoot) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(reactorRoot)) {
            for (Path module : modules.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList()) {
                Path dir = module.resolve(DIR);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> found = Files.walk(dir, 2)) {
                    found.filter(p -> p.getFileName().toString().equals(FILE)).sorted(Comparator.naturalOrder())
                            .forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new TraceabilityException("cannot list the test reports under " + reactorRoot + ": " + e, e);
        }
        return files;
    }

    /** What a {@code started} event said about a node; completed by its {@code finished} event. */
    private static final class Node {
        String name;
        String type;
        String className;
        String methodName;
        String parentId;
        final Set<String> tags = new LinkedHashSet<>();
    }

    private static void read(Path file, String module, Tier tier, Map<String, EngineTest> tests,
            List<FailedContainer> failed) {
        Map<String, Node> nodes = new HashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            Node current = null;
            String finishedId = null;
            String text = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = xml.getLocalName();
                    text = null;
                    if (EVENTS_NS.equals(xml.getNamespaceURI()) && local.equals("started")) {
                        current = new Node();
                        current.name = xml.getAttributeValue(null, "name");
                        current.parentId = xml.getAttributeValue(null, "parentId");
                        nodes.put(xml.getAttributeValue(null, "id"), current);
                    } else if (EVENTS_NS.equals(xml.getNamespaceURI()) && local.equals("finished")) {
                        finishedId = xml.getAttributeValue(null, "id");
                        current = null;
                    } else if (local.equals("methodSource") && current != null) {
                        current.className = xml.getAttributeValue(null, "className");
                        current.methodName = xml.getAttributeValue(null, "methodName");
                    } else if (local.equals("classSource") && current != null && current.className == null) {
                        current.className = xml.getAttributeValue(null, "className");
                    } else if (local.equals("result") && finishedId != null) {
                        finished(nodes, finishedId, xml.getAttributeValue(null, "status"), module, tier, tests,
                                failed);
                        finishedId = null;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text = text == null ? xml.getText() : text + xml.getText();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = xml.getLocalName();
                    if (current != null && text != null) {
                        if (local.equals("tag")) {
                            current.tags.add(text.strip());
                        } else if (local.equals("type")) {
                            current.type = text.strip();
                        }
                    }
                    text = null;
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new TraceabilityException("cannot read the test report " + file + ": " + e.getMessage(), e);
        }
    }

    private static void finished(Map<String, Node> nodes, String id, String status, String module, Tier tier,
            Map<String, EngineTest> tests, List<FailedContainer> failed) {
        Node node = nodes.get(id);
        if (node == null) {
            return;
        }
        TestResult result = switch (status == null ? "" : status) {
            case "SUCCESSFUL" -> TestResult.PASSED;
            case "FAILED", "ERRORED" -> TestResult.FAILED;
            case "SKIPPED", "ABORTED" -> TestResult.SKIPPED;
            default -> TestResult.FAILED;
        };
        boolean test = node.type != null && node.type.contains("TEST");
        if (test) {
            Node source = node;
            while (source != null && source.methodName == null) {
                source = nodes.get(source.parentId);
            }
            String className = source != null ? source.className : enclosingClass(nodes, node);
            String method = source != null ? source.methodName : node.name;
            String key = module + "|" + tier + "|" + className + "#" + method;
            EngineTest earlier = tests.get(key);
            if (earlier == null) {
                tests.put(key, new EngineTest(module, tier, className, method, Set.copyOf(node.tags), result));
            } else {
                Set<String> tags = new LinkedHashSet<>(earlier.tags());
                tags.addAll(node.tags);
                tests.put(key, new EngineTest(module, tier, className, method, Set.copyOf(tags),
                        earlier.result().and(result)));
            }
        } else if (result == TestResult.FAILED) {
            String name = node.className != null ? node.className : node.name;
            failed.add(new FailedContainer(module, name, Set.copyOf(node.tags),
                    "the container failed before or after its tests (e.g. @BeforeAll or the deployment)"));
        }
    }

    private static String enclosingClass(Map<String, Node> nodes, Node node) {
        for (Node n = node; n != null; n = nodes.get(n.parentId)) {
            if (n.className != null) {
                return n.className;
            }
        }
        return "(unknown class)";
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows the JAXP property; DTDs are off anyway
        }
        return factory;
    }
}
