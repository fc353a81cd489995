package org.openebr.validation;

import java.util.Collection;

/** Where a requirement stands, from the results of the tests that carry its id. */
enum RequirementStatus {

    /** At least one test passed and none failed. */
    VERIFIED("VERIFIED"),
    /** At least one test failed. */
    FAILED("FAILED"),
    /** Tests carry the id but none of them ran (skipped or no report). */
    NOT_RUN("NOT RUN"),
    /** No test carries the id. */
    NO_TEST("NO TEST");

    final String label;

    RequirementStatus(String label) {
        this.label = label;
    }

    static RequirementStatus of(Collection<TestResult> results) {
        if (results.isEmpty()) {
            return NO_TEST;
        }
        if (results.contains(TestResult.FAILED)) {
            return FAILED;
        }
        if (results.contains(TestResult.PASSED)) {
            return VERIFIED;
        }
        return NOT_RUN;
    }
}
