package org.openebr.ui.identity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
    private transient AccessReview.Report recordedReport;
    private transient AccessReview.Report liveReport;

    public void record() {
        recorded = accessReview.recordForSignature();
        recordedReport = null;
        Messages.info("The review is recorded as it stands now; sign it to complete the review.", null);
    }

    public AccessReview.RecordedReview getRecorded() {
        return recorded;
    }

    /** The signatures of the recorded review, each with its manifestation and whether it verifies. */
    public List<Signatures.Manifestation> getSignatures() {
        return recorded == null ? List.of() : signatures.ofRecord("ACCESS_REVIEW", recorded.id().toString());
    }

    /**
     * The report as it was recorded, read back from the stored record: once recorded, the screen
     * shows this, not the live report, so that the administrator sees exactly what the signature covers.
     */
    public AccessReview.Report getRecordedReport() {
        if (recordedReport == null && recorded != null) {
            String stored = accessReview.recorded(recorded.id()).orElseThrow().reportJson();
            try (Jsonb jsonb = JsonbBuilder.create()) {
                recordedReport = jsonb.fromJson(stored, AccessReview.Report.class);
            } catch (Exception unreadable) {
                throw new IllegalStateException("the recorded access review " + recorded.id() + " cannot be read", unreadable);
            }
        }
        return recordedReport;
    }

    /** What the page shows: the recorded review once there is one, the report as it stands before. */
    public AccessReview.Report getShownReport() {
        if (recorded != null) {
            return getRecordedReport();
        }
        if (liveReport == null) {
            liveReport = accessReview.report();
        }
        return liveReport;
    }

    public String getRecordedId() {
        return recorded == null ? null : recorded.id().toString();
    }
}
