package org.openebr.signature.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.openebr.identity.boundary.SystemSettings;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * A change of a system setting as a signed record (Annex 11 section 10): its administrator signs PERFORMED to submit
 * it, and a second person from QA signs APPROVED, which makes it effective, or REJECTED. The signed content is the
 * change as proposed. Record id: the change's id, {@code SC-0001}.
 */
@ApplicationScoped
public class SettingChangeRecordType implements SignableRecordType {

    private static final Set<String> QA = Set.of("QA_REVIEWER", "QA_RELEASER");

    @Inject
    SystemSettings settings;

    @Override
    public String recordType() {
        return SystemSettings.RECORD_TYPE;
    }

    @Override
    public Optional<Object> content(String recordId) {
        return settings.content(recordId).map(content -> content);
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder()
                .allow(Meaning.PERFORMED, Set.of("ADMIN"))
                .allowSecondPerson(Meaning.APPROVED, QA, Meaning.PERFORMED)
                .allowSecondPerson(Meaning.REJECTED, QA, Meaning.PERFORMED)
                .build();
    }

    @Override
    public Optional<String> refusal(String recordId, String userName, Meaning meaning) {
        return settings.refusal(recordId, userName, meaning.name());
    }

    @Override
    public void signed(String recordId, Meaning meaning, String userName) {
        settings.decided(recordId, meaning.name(), userName);
    }
}
