package org.openebr.ui.identity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openebr.identity.boundary.AccessReview;
import org.openebr.signature.boundary.Signatures;
import org.openebr.ui.Messages;

/** An administrator records the access review as it stands, then signs that record (meaning REVIEWED). */
@Named("accessReviewSigning")
@ViewScoped
public class AccessReviewSigningView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccessReview accessReview;

    @Inject
    Signatures signatures;

    private AccessReview.RecordedReview recorded;

    public void record() {
        recorded = accessReview.recordForSignature();
        Messages.info("The review is recorded as it stands now; sign it to complete the review.", null);
    }

    public AccessReview.RecordedReview getRecorded() {
        return recorded;
    }

    /** The signatures of the recorded review, each with its manifestation and whether it verifies. */
    public List<Signatures.Manifestation> getSignatures() {
        return recorded == null ? List.of() : signatures.ofRecord("ACCESS_REVIEW", recorded.id().toString());
    }

    public String getRecordedId() {
        return recorded == null ? null : recorded.id().toString();
    }
}
