package org.openebr.signature.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openebr.identity.boundary.AccessReview;
import org.openebr.platform.control.CanonicalJson;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.boundary.SignableRecordType;
import org.openebr.signature.boundary.SignaturePolicy;

/**
 * The periodic access review as a signed record (EU GMP Annex 11 draft §11.5): an administrator
 * records the report as it stands and signs it with meaning REVIEWED. The content is the report as
 * recorded, so the signature stays bound to what the reviewer saw.
 */
@ApplicationScoped
public class AccessReviewRecordType implements SignableRecordType {

    public static final String RECORD_TYPE = "ACCESS_REVIEW";

    @Inject
    AccessReview reviews;

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public Optional<Object> content(String recordId) {
        UUID id;
        try {
            id = UUID.fromString(recordId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return reviews.recorded(id).map(review -> CanonicalJson.parse(review.reportJson()));
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder().allow(Meaning.REVIEWED, Set.of("ADMIN")).build();
    }
}
