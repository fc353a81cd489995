package org.openebr.validation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The testcases of the JUnit XML reports that Surefire and Failsafe leave in each module's {@code target}. */
final class TestReports {

    static final List<String> REPORT_DIRS = List.of("target/surefire-reports", "target/failsafe-reports");

    /** One {@code <testcase>} as reported: the name is raw ({@code method(Role)[3]}, {@code method()}, ...). */
    record TestCase(String module, String className, String name, TestResult result) {
    }

    /** The report files read, and their testcases. */
    record Reports(List<Path> files, List<TestCase> testCases) {
    }

    private TestReports() {
    }

    static Reports read(Path reactorRoot) {
        List<Path> files = new ArrayList<>();
        List<TestCase> testCases = new ArrayList<>();
        DocumentBuilder xml = parser();
        for (Path module : TestSourceScanner.modules(reactorRoot)) {
            for (String dir : REPORT_DIRS) {
                Path reports = module.resolve(dir);
                if (!Files.isDirectory(reports)) {
                    continue;
                }
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(reports, "TEST-*.xml")) {
                    List<Path> sorted = new ArrayList<>();
                    stream.forEach(sorted::add);
                    sorted.sort(null);
                    for (Path file : sorted) {
                        files.add(reactorRoot.relativize(file));
                        testCases.addAll(read(xml, file, module.getFileName().toString()));
                    }
                } catch (IOException e) {
                    throw new TraceabilityException("cannot list the test reports in " + reports + ": " + e, e);
                }
            }
        }
        return new Reports(files, testCases);
    }

    private static List<TestCase> read(DocumentBuilder xml, Path file, String module) {
        Document document;
        try {
            document = xml.parse(file.toFile());
        } catch (SAXException | IOException e) {
            throw new TraceabilityException("cannot read the test report " + file + ": " + e.getMessage(), e);
        }
        List<TestCase> cases = new ArrayList<>();
        NodeList testcases = document.getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            cases.add(new TestCase(module, testcase.getAttribute("classname").strip(),
                    testcase.getAttribute("name").strip(), result(testcase)));
        }
        return cases;
    }

    /** {@code <failure>} or {@code <error>}: failed; {@code <skipped>}: skipped; none: passed (flaky reruns too). */
    private static TestResult result(Element testcase) {
        TestResult result = TestResult.PASSED;
        for (Node child = testcase.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            String name = child.getNodeName();
            if (name.equals("failure") || name.equals("error")) {
                return TestResult.FAILED;
            }
            if (name.equals("skipped")) {
                result = TestResult.SKIPPED;
            }
        }
        return result;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new TraceabilityException("no XML parser: " + e.getMessage(), e);
        }
    }

    /**
     * The method a reported name stands for: {@code m()}, {@code m(int)[1]}, {@code m(Role)[2]} and {@code m[1]}
     * all give {@code m}. A name that is not of that shape comes back trimmed, for display-name matching.
     */
    static String methodName(String reported) {
        String name = reported.strip();
        int cut = name.length();
        for (char c : new char[] {'(', '['}) {
            int i = name.indexOf(c);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        String candidate = name.substring(0, cut).strip();
        return isIdentifier(candidate) ? candidate : name;
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
