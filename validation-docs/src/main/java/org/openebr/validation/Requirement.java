package org.openebr.validation;

/**
 * One row of the requirement catalogue.
 *
 * @param notTestedBecause why the requirement has no passing test yet: empty once it has one; {@code planned: ...}
 *     when the capability it needs is not built yet (the only reason a HIGH requirement may be untested)
 */
record Requirement(String id, String section, String source, String text, String proof, Risk risk,
        String notTestedBecause) {

    static final String PLANNED = "planned:";

    boolean planned() {
        return notTestedBecause.regionMatches(true, 0, PLANNED, 0, PLANNED.length());
    }
}
