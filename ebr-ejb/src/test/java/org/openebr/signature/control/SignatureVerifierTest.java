package org.openebr.signature.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openebr.signature.boundary.Meaning;
import org.openebr.signature.entity.ElectronicSignature;
import org.openebr.signature.entity.SigningCredential;
import org.openebr.trust.control.CmsSigner;
import org.openebr.trust.control.InternalTimeStampAuthority;
import org.openebr.trust.control.SigningIdentity;
import org.openebr.trust.control.TrustStore;
import org.openebr.trust.control.UserSigningCredential;

/** A signature checked the way every screen and the API check it, without a server. */
class SignatureVerifierTest {

    /**
     * Signed long ago: the signer's certificate (3 years) has expired by the time any of these tests
     * runs, so that "valid after its certificate expired" is proven now, not only once the calendar
     * gets there; the CA (20 years) and the time-stamp authority (10 years) were valid at signing.
     */
    private static final Instant T0 = Instant.parse("2020-01-15T08:00:00Z");
    private static final Map<String, Object> STEP = Map.of("step", "fill-weight", "value", "812", "unit", "mg");

    @TempDir
    Path keys;

    private record Signed(ElectronicSignature signature, SigningCredential credential, TrustStore trust) {
    }

    private Signed sign(Object content, Instant signedAt, Instant timeStampedAt) throws Exception {
        TrustStore trust = TrustStore.open(keys, "unit-test-passphrase".toCharArray(), Clock.fixed(T0, ZoneOffset.UTC), "Plant 1");
        UUID account = UUID.randomUUID();
        UserSigningCredential issued = trust.issueUserCredential(account.toString(), "Olivia Operator");
        SigningCredential credential = new SigningCredential(account, issued.certificate().getSerialNumber().toString(16),
                issued.certificate().getEncoded(), issued.wrappedPrivateKey(), "admin1", T0);
        SigningIdentity identity = trust.unwrapUserIdentity(issued.certificate(), issued.wrappedPrivateKey());
        ElectronicSignature.Facts facts = new ElectronicSignature.Facts(UUID.randomUUID(), "IT_STEP", "step-1",
                SignedDocument.recordSha256(content), Meaning.PERFORMED, account, "operator1", "Olivia Operator", "OPERATOR",
                signedAt, "Europe/Berlin", credential.id());
        byte[] document = SignedDocument.bytes(facts, content);
        byte[] cms = new CmsSigner(Clock.fixed(signedAt, ZoneOffset.UTC)).signDetached(document, identity);
        byte[] value = SignatureVerifier.signatureValueOf(cms);
        byte[] tsr = new InternalTimeStampAuthority(trust.timeStampAuthority(), Clock.fixed(timeStampedAt, ZoneOffset.UTC))
                .timeStamp(value);
        return new Signed(new ElectronicSignature(facts, HexFormat.of().formatHex(SignedDocument.sha256(document)), document,
                cms, value, tsr), credential, trust);
    }

    private static SignatureVerifier.Result verify(Signed signed, Object current) {
        X509Certificate ca = signed.trust().caCertificate();
        return new SignatureVerifier().verify(signed.signature(), Optional.of(current), signed.credential(), ca, java.util.List.of(ca));
    }

    @Test
    @Tag("SIG-CRYPTO-1")
    @Tag("P11-70-1")
    @Tag("negative")
    void a_signature_verifies_and_one_changed_value_of_the_record_makes_it_invalid() throws Exception {
        Signed signed = sign(STEP, T0, T0);

        assertThat(verify(signed, STEP).valid()).isTrue();
        SignatureVerifier.Result changed = verify(signed, Map.of("step", "fill-weight", "value", "813", "unit", "mg"));
        assertThat(changed.valid()).isFalse();
        assertThat(changed.problems()).anyMatch(p -> p.contains("changed after signing"));
    }

    @Test
    @Tag("SIG-CRYPTO-1")
    void a_signature_stays_valid_after_its_certificate_expired_because_the_time_stamp_proves_when_it_was_made()
            throws Exception {
        Signed signed = sign(STEP, T0, T0);
        X509Certificate certificate = SignatureVerifier.certificate(signed.credential().certificate());
        // verified today, after the certificate expired: only the trusted time of signing counts
        assertThat(certificate.getNotAfter().toInstant()).isBefore(Instant.now());

        SignatureVerifier.Result result = verify(signed, STEP);
        assertThat(result.valid()).as(result.problems().toString()).isTrue();
    }

    @Test
    @Tag("SIG-CRYPTO-1")
    void a_time_stamp_from_after_the_certificate_expired_makes_the_signature_invalid() throws Exception {
        Instant later = T0.plus(4 * 366, ChronoUnit.DAYS);
        Signed signed = sign(STEP, T0, later);

        SignatureVerifier.Result result = verify(signed, STEP);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anyMatch(p -> p.contains("not valid at the time stamp's time"));
    }
}
