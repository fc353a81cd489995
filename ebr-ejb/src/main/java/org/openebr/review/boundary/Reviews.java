package org.openebr.review.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.openebr.batch.boundary.Batches;
import org.openebr.review.control.ExceptionFinder;

/**
 * QA review by exception: the exceptions of a batch as the server finds them in its electronic
 * record (never typed), and what was checked for every other step.
 */
@Stateless
@RolesAllowed({"QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "SUPERVISOR"})
public class Reviews {

    @Inject
    Batches batches;

    @Inject
    Clock clock;

    public BatchReview review(String batchId) {
        return ExceptionFinder.review(batches.record(batchId), clock.instant());
    }
}
