package org.openebr.platform.control;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The one place that recognises the database refusing a row by one of its constraints (a unique
 * index, a check, a key): two people doing the same at the same moment, which the boundary then
 * answers as a refusal in words instead of a server error. Recognised by the constraint's name, in
 * any message language: Hibernate's extracted name where it has one, else the name quoted in the
 * server's message of an integrity violation (SQLSTATE class 23).
 */
public final class Constraints {

    private Constraints() {
    }

    /** True if the failure, or one of its causes, is a violation of one of the named constraints. */
    public static boolean violated(Throwable failure, String... constraints) {
        boolean integrityViolation = false;
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                integrityViolation = true;
                for (String constraint : constraints) {
                    if (constraint.equalsIgnoreCase(violation.getConstraintName())) {
                        return true;
                    }
                }
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                integrityViolation = true;
            }
        }
        return integrityViolation && namedInAMessage(failure, constraints);
    }

    /** A name as a whole word: {@code recipe_version_number} is not {@code recipe_version_number_any_case}. */
    private static boolean namedInAMessage(Throwable failure, String... constraints) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message == null) {
                continue;
            }
            for (String constraint : constraints) {
                if (Pattern.compile("(?<![_a-z0-9])" + Pattern.quote(constraint) + "(?![_a-z0-9])", Pattern.CASE_INSENSITIVE)
                        .matcher(message).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
