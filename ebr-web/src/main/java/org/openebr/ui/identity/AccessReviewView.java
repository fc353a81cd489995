package org.openebr.ui.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openebr.identity.boundary.AccessReview;

/** The access review report on screen. */
@Named("accessReview")
@RequestScoped
public class AccessReviewView {

    @Inject
    AccessReview accessReview;

    private AccessReview.Report report;

    public AccessReview.Report getReport() {
        if (report == null) {
            report = accessReview.report();
        }
        return report;
    }
}
