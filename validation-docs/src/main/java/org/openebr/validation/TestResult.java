package org.openebr.validation;

/** The result of one test method, over all its invocations and all the reports that name it. */
enum TestResult {

    PASSED("PASSED"),
    FAILED("FAILED"),
    SKIPPED("SKIPPED"),
    /** Tagged in source, but no report names it. */
    NOT_RUN("NOT RUN");

    final String label;

    TestResult(String label) {
        this.label = label;
    }

    /** A method fails when any invocation failed; it passed when the others passed or were skipped. */
    TestResult and(TestResult other) {
        if (this == FAILED || other == FAILED) {
            return FAILED;
        }
        if (this == PASSED || other == PASSED) {
            return PASSED;
        }
        if (this == SKIPPED || other == SKIPPED) {
            return SKIPPED;
        }
        return NOT_RUN;
    }
}
