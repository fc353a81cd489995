package org.openebr.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The test harness is fit for use (A11-4.7-2): the mutation testing (PIT) that the build of ebr-ejb ran over the
 * classes guarding the audit chain, the signatures and the control recipe has recorded its result, every one of
 * those classes was mutated, and the unit tests killed at least the share of mutants the build requires. Reads
 * ebr-ejb/target/pit-reports/mutations.xml of the same build (the reactor builds ebr-ejb first); run alone, without
 * that report, it is skipped, and the traceability gate then finds A11-4.7-2 untested.
 */
class MutationTestingTest {

    static final Path REPORT = Path.of("..", "ebr-ejb", "target", "pit-reports", "mutations.xml");
    /** The classes PIT mutates (ebr-ejb/pom.xml, targetClasses). */
    static final List<String> GUARDED = List.of("org.openebr.audit.control.CanonicalRevision",
            "org.openebr.audit.control.CheckpointSet", "org.openebr.signature.control.SignatureVerifier",
            "org.openebr.trust.control.CmsSigner", "org.openebr.batch.control.ControlRecipe");

    @Test
    @Tag("A11-4.7-2")
    void the_unit_tests_of_the_audit_chain_signatures_and_control_recipe_kill_their_mutants() throws Exception {
        Assumptions.assumeTrue(Files.exists(REPORT), "no mutation report: ebr-ejb's build ran no mutation testing");
        Map<String, int[]> perClass = new HashMap<>(); // class -> {mutants, killed}
        int mutants = 0;
        int killed = 0;
        try (InputStream in = Files.newInputStream(REPORT)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            boolean detected = false;
            String status = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mutation")) {
                    detected = Boolean.parseBoolean(xml.getAttributeValue(null, "detected"));
                    status = xml.getAttributeValue(null, "status");
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mutatedClass")) {
                    String mutated = xml.getElementText();
                    String outer = mutated.contains("$") ? mutated.substring(0, mutated.indexOf('$')) : mutated;
                    int[] counts = perClass.computeIfAbsent(outer, unused -> new int[2]);
                    counts[0]++;
                    mutants++;
                    if (detected && ("KILLED".equals(status) || "TIMED_OUT".equals(status))) {
                        counts[1]++;
                        killed++;
                    }
                }
            }
        }
        assertThat(perClass.keySet()).as("every guarded class mutated").containsAll(GUARDED);
        for (String guarded : GUARDED) {
            assertThat(perClass.get(guarded)[1]).as("mutants of " + guarded + " killed").isPositive();
        }
        assertThat(mutants).isPositive();
        assertThat(100 * killed / mutants).as("mutation score (killed of all mutants, %)").isGreaterThanOrEqualTo(70);
    }
}
