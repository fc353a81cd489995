package org.openebr.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** A constraint violation is recognised by its name, as the database and Hibernate report it. */
class ConstraintsTest {

    private static PersistenceException refused(String serverMessage, String extractedName) {
        SQLException server = new SQLException(serverMessage, "23505");
        return new PersistenceException("could not execute statement",
                new ConstraintViolationException("could not execute statement", server, extractedName));
    }

    @Test
    void the_name_hibernate_extracted_is_recognised() {
        assertThat(Constraints.violated(refused("FEHLER: doppelter Schlüsselwert", "electronic_signature_once"),
                "electronic_signature_once")).isTrue();
    }

    @Test
    void a_name_quoted_in_a_message_in_another_language_is_recognised() {
        PersistenceException failure = refused("FEHLER: doppelter Schlüsselwert verletzt Unique-Constraint"
                + " »recipe_version_number«", null);
        assertThat(Constraints.violated(failure, "recipe_version_number")).isTrue();
    }

    @Test
    void a_longer_name_that_begins_the_same_is_another_constraint() {
        PersistenceException failure = refused("ERROR: duplicate key value violates unique constraint"
                + " \"recipe_version_number_any_case\"", "recipe_version_number_any_case");
        assertThat(Constraints.violated(failure, "recipe_version_number")).isFalse();
        assertThat(Constraints.violated(failure, "recipe_version_number_any_case")).isTrue();
    }

    @Test
    void any_of_several_names_is_recognised() {
        PersistenceException failure = refused("ERROR: insert violates foreign key constraint"
                + " \"signature_nonce_use_nonce_fkey\"", null);
        assertThat(Constraints.violated(failure, "signature_nonce_use_pkey", "signature_nonce_use_nonce_fkey")).isTrue();
    }

    @Test
    void a_failure_that_is_no_integrity_violation_is_not_one_even_if_it_names_the_constraint() {
        PersistenceException failure = new PersistenceException("connection lost while checking electronic_signature_once",
                new SQLException("I/O error", "08006"));
        assertThat(Constraints.violated(failure, "electronic_signature_once")).isFalse();
    }
}
