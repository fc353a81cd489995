package org.openebr.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openebr.audit.boundary.AuditRefused;
import org.openebr.audit.control.ReasonRequired;
import org.openebr.identity.boundary.IdentityRefused;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.boundary.Refusal;
import org.openebr.recipe.boundary.RecipeRefused;
import org.openebr.signature.boundary.SignatureRefused;
import org.openebr.trust.control.CredentialUnusable;
import org.openebr.trust.control.TimeStampUnavailable;
import org.openebr.trust.control.TrustStoreUnavailable;

/** The statuses the API answers a business rule's refusal with: one per category, and the same as clients rely on. */
class RefusalStatusTest {

    @Test
    void each_category_has_its_status() {
        assertThat(RefusalStatus.of(Refusal.Category.MALFORMED).getStatusCode()).isEqualTo(400);
        assertThat(RefusalStatus.of(Refusal.Category.INVALID).getStatusCode()).isEqualTo(422);
        assertThat(RefusalStatus.of(Refusal.Category.NOT_AUTHENTICATED).getStatusCode()).isEqualTo(401);
        assertThat(RefusalStatus.of(Refusal.Category.NOT_PERMITTED).getStatusCode()).isEqualTo(403);
        assertThat(RefusalStatus.of(Refusal.Category.NOT_FOUND).getStatusCode()).isEqualTo(404);
        assertThat(RefusalStatus.of(Refusal.Category.CONFLICT).getStatusCode()).isEqualTo(409);
        assertThat(RefusalStatus.of(Refusal.Category.UNAVAILABLE).getStatusCode()).isEqualTo(503);
    }

    @Test
    void a_422_has_its_reason_phrase() {
        assertThat(RefusalStatus.of(Refusal.Category.INVALID).getReasonPhrase()).isEqualTo("Unprocessable Content");
    }

    /**
     * Every problem kind the API answered before the domain stopped carrying HTTP statuses, with
     * the status it had: clients and the integration tests rely on both.
     */
    @Test
    void every_known_refusal_keeps_the_status_clients_rely_on() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("invalid-audit-query", 400);
        expected.put("no-audit-history", 404);
        expected.put("export-too-large", 422);
        expected.put("export-not-possible", 422);
        expected.put("unknown-account", 404);
        expected.put("unknown-token", 404);
        expected.put("token-state", 409);
        expected.put("user-name-taken", 409);
        expected.put("weak-password", 422);
        expected.put("current-password-wrong", 422);
        expected.put("segregation-of-duties", 409);
        expected.put("account-state", 409);
        expected.put("role-state", 409);
        expected.put("training-state", 409);
        expected.put("invalid-input", 422);
        expected.put("recipe-invalid", 422);
        expected.put("recipe-input-incomplete", 422);
        expected.put("recipe-unknown-master-data", 422);
        expected.put("recipe-not-found", 404);
        expected.put("recipe-state", 409);
        expected.put("recipe-not-effective", 409);
        expected.put("recipe-conflict", 409);
        expected.put("recipe-effective-only", 403);
        expected.put("signature-incomplete", 400);
        expected.put("signature-not-authenticated", 401);
        expected.put("signature-not-yourself", 403);
        expected.put("signature-not-allowed", 403);
        expected.put("signature-not-found", 404);
        expected.put("signature-nonce-refused", 409);
        expected.put("signature-already-given", 409);
        expected.put("signature-record-changed", 409);
        expected.put("signature-not-ready", 409);
        expected.put("signature-open-items", 409);
        expected.put("credential-unusable", 409);
        expected.put("time-stamp-unavailable", 503);
        expected.put("trust-store-unavailable", 503);
        expected.put("reason-required", 422);

        Map<String, Integer> actual = new LinkedHashMap<>();
        Stream.of(AuditRefused.Reason.values(), IdentityRefused.Reason.values(), RecipeRefused.Reason.values(),
                        SignatureRefused.Reason.values())
                .flatMap(Arrays::stream)
                .forEach(reason -> actual.put(reason.kind(), RefusalStatus.of(reason.category()).getStatusCode()));
        Stream.<DomainException>of(new CredentialUnusable("x"), new TimeStampUnavailable("x"), new TrustStoreUnavailable("x"),
                        new ReasonRequired("x"))
                .forEach(e -> actual.put(e.kind(), RefusalStatus.of(e.category()).getStatusCode()));

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void the_old_constructors_and_factories_still_say_the_same() {
        AuditRefused audit = AuditRefused.invalid("'from' must be before 'to'.");
        assertThat(audit.reason()).isEqualTo(AuditRefused.Reason.INVALID_QUERY);
        assertThat(audit.getMessage()).isEqualTo("'from' must be before 'to'.");

        IdentityRefused weak = new IdentityRefused(IdentityRefused.Reason.WEAK_PASSWORD, "Too weak.", java.util.List.of("too short"));
        assertThat(weak.violations()).containsExactly(new DomainException.Violation("newPassword", "too short"));

        RecipeRefused invalid = new RecipeRefused(RecipeRefused.Reason.INVALID, "2 problems",
                java.util.List.of(new DomainException.Violation("$.steps[0].id", "missing")));
        assertThat(invalid.kind()).isEqualTo("recipe-invalid");
        assertThat(invalid.violations()).hasSize(1);

        Throwable cause = new IllegalStateException("disk full");
        assertThat(new TrustStoreUnavailable("The key store cannot be written", cause).getCause()).isSameAs(cause);
    }
}
