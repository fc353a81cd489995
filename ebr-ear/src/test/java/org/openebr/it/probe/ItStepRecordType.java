package org.openebr.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * Test-only record type "IT_STEP", added to the EJB module by the integration tests: a step of
 * aseptic filling whose recorded value the tests set and change, to prove what every later record
 * type will rely on: an operator performs, a second person verifies, a change invalidates.
 */
@ApplicationScoped
public class ItStepRecordType implements SignableRecordType {

    private final Map<String, Map<String, Object>> steps = new ConcurrentHashMap<>();

    @Override
    public String recordType() {
        return "IT_STEP";
    }

    @Override
    public Optional<Object> content(String recordId) {
        return Optional.ofNullable(steps.get(recordId));
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder()
                .allow(Meaning.PERFORMED, Set.of("OPERATOR"))
                .allowSecondPerson(Meaning.VERIFIED, Set.of("OPERATOR", "SUPERVISOR"), Meaning.PERFORMED)
                .build();
    }

    /** The people who execute and verify a step see its signatures (the verifier sees the performer's). */
    @Override
    public Set<String> signatureReaders() {
        return Set.of("OPERATOR", "SUPERVISOR");
    }

    /** Records (or changes) the step's value: a new version of the record. */
    public void record(String stepId, String parameter, String value, String unit) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", stepId);
        step.put("parameter", parameter);
        step.put("value", value);
        step.put("unit", unit);
        steps.put(stepId, step);
    }
}
