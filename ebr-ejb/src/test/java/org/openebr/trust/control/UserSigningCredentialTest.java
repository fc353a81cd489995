package org.openebr.trust.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A person's signing key: issued with a certificate, kept encrypted, usable only with its own certificate. */
class UserSigningCredentialTest {

    private static final String KEY_USAGE = "2.5.29.15";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";

    @TempDir
    Path keys;

    private TrustStore store;

    @BeforeEach
    void open() {
        store = TestKeys.open(keys);
    }

    @Test
    void the_certificate_names_the_person_and_the_account_and_is_for_signing_for_three_years() throws Exception {
        X509Certificate certificate = store.issueUserCredential("u-0042", "Jane Doe").certificate();

        assertThat(certificate.getSubjectX500Principal().getName())
                .isEqualTo("CN=Jane Doe,UID=u-0042,O=Example Pharma\\, Plant 2");
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        assertThat(((ASN1String) subject.getRDNs(BCStyle.UID)[0].getFirst().getValue()).getString())
                .isEqualTo("u-0042");
        assertThat(BCStyle.UID.getId()).isEqualTo("0.9.2342.19200300.100.1.1");
        assertThat(setBits(certificate.getKeyUsage())).containsExactly(0, 1); // digitalSignature, nonRepudiation
        assertThat(certificate.getCriticalExtensionOIDs()).contains(KEY_USAGE, BASIC_CONSTRAINTS);
        assertThat(certificate.getExtendedKeyUsage()).as("no EKU: openssl's S/MIME purpose check").isNull();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // CA:FALSE
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(certificate.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(store.caCertificate().getSubjectX500Principal());
        certificate.verify(store.caCertificate().getPublicKey());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(TestKeys.NOW);
        assertThat(certificate.getNotAfter().toInstant())
                .isEqualTo(TestKeys.NOW.atOffset(ZoneOffset.UTC).plusYears(3).toInstant());
    }

    @Test
    void the_unwrapped_identity_signs_what_the_trust_verifier_accepts_against_the_ca() {
        UserSigningCredential credential = store.issueUserCredential("u-0042", "Jane Doe");

        SigningIdentity jane = store.unwrapUserIdentity(credential.certificate(), credential.wrappedPrivateKey());
        byte[] signature = new CmsSigner(TestKeys.CLOCK).signDetached(CmsSignerTest.RECORD, jane);
        CmsVerification result = new TrustVerifier().verifyDetachedCms(CmsSignerTest.RECORD, signature,
                store.caCertificate());

        assertThat(jane.chain()).containsExactly(credential.certificate(), store.caCertificate());
        assertThat(result.valid()).as(result.problem()).isTrue();
        assertThat(result.signerSubject()).isEqualTo("CN=Jane Doe,UID=u-0042,O=Example Pharma\\, Plant 2");
    }

    @Test
    void the_wrapped_key_holds_neither_the_pkcs8_encoding_nor_the_private_value_in_clear() {
        UserSigningCredential credential = store.issueUserCredential("u-0042", "Jane Doe");
        ECPrivateKey key = (ECPrivateKey) store.unwrapUserIdentity(credential.certificate(),
                credential.wrappedPrivateKey()).key();
        byte[] wrapped = credential.wrappedPrivateKey();

        assertThat(wrapped).hasSize(12 + key.getEncoded().length + 16); // IV, ciphertext, tag
        assertThat(contains(wrapped, key.getEncoded())).isFalse();
        assertThat(contains(wrapped, BigIntegers.asUnsignedByteArray(32, key.getS()))).isFalse();
        assertThat(store.issueUserCredential("u-0042", "Jane Doe").wrappedPrivateKey())
                .as("a new key and IV every time").isNotEqualTo(wrapped);
    }

    @Test
    void one_flipped_bit_in_the_iv_the_ciphertext_or_the_tag_is_refused() {
        UserSigningCredential credential = store.issueUserCredential("u-0042", "Jane Doe");
        byte[] wrapped = credential.wrappedPrivateKey();

        for (int position : List.of(0, 11, 12, wrapped.length / 2, wrapped.length - 1)) {
            byte[] altered = wrapped.clone();
            altered[position] ^= 0x01;
            assertThatThrownBy(() -> store.unwrapUserIdentity(credential.certificate(), altered))
                    .as("byte %d flipped", position)
                    .isInstanceOf(CredentialUnusable.class)
                    .hasMessageContaining("does not belong to the certificate of CN=Jane Doe");
        }
        assertThatThrownBy(() -> store.unwrapUserIdentity(credential.certificate(), Arrays.copyOf(wrapped, 20)))
                .isInstanceOf(CredentialUnusable.class);
    }

    @Test
    void a_wrapped_key_presented_with_another_users_certificate_is_refused() {
        UserSigningCredential jane = store.issueUserCredential("u-0042", "Jane Doe");
        UserSigningCredential john = store.issueUserCredential("u-0043", "John Roe");

        assertThatThrownBy(() -> store.unwrapUserIdentity(john.certificate(), jane.wrappedPrivateKey()))
                .isInstanceOf(CredentialUnusable.class)
                .hasMessageContaining("does not belong to the certificate of CN=John Roe");
    }

    @Test
    void a_credential_of_another_installation_is_refused_for_its_certificate() {
        UserSigningCredential elsewhere = TestKeys.open(keys.resolve("elsewhere")).issueUserCredential("u-0042",
                "Jane Doe");

        assertThatThrownBy(() -> store.unwrapUserIdentity(elsewhere.certificate(), elsewhere.wrappedPrivateKey()))
                .isInstanceOf(CredentialUnusable.class)
                .hasMessageContaining("not issued by this installation's CA");
    }

    @Test
    void an_expired_certificate_is_refused_before_anything_is_signed() {
        UserSigningCredential credential = store.issueUserCredential("u-0042", "Jane Doe");
        Clock afterThreeYears = Clock.offset(TestKeys.CLOCK, Duration.ofDays(3 * 366));
        TrustStore later = TrustStore.open(keys, TestKeys.password(), afterThreeYears, TestKeys.INSTALLATION);

        assertThatThrownBy(() -> later.unwrapUserIdentity(credential.certificate(), credential.wrappedPrivateKey()))
                .isInstanceOf(CredentialUnusable.class)
                .hasMessageContaining("is not valid at")
                .hasMessageContaining("needs a new signing credential");
    }

    @ParameterizedTest
    @ValueSource(strings = {TrustStore.CHECKPOINT_SIGNER_NAME, "openebr audit checkpoint signer",
        "  OpenEBR   Audit Checkpoint Signer ", "ＯｐｅｎＥＢＲ Audit Checkpoint Signer", // fullwidth letters
        TrustStore.TIME_STAMP_AUTHORITY_NAME, CertificateAuthority.CA_NAME})
    void the_name_of_one_of_the_systems_own_keys_is_refused_as_a_printed_name(String printedName) {
        assertThatThrownBy(() -> store.issueUserCredential("u-0042", printedName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name of one of OpenEBR's own keys");
    }

    @Test
    void a_user_id_and_a_printed_name_are_required() {
        assertThatThrownBy(() -> store.issueUserCredential(" ", "Jane Doe"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.issueUserCredential("u-0042", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.issueUserCredential(null, "Jane Doe"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return IntStream.rangeClosed(0, haystack.length - needle.length).anyMatch(
                start -> Arrays.equals(haystack, start, start + needle.length, needle, 0, needle.length));
    }

    private static List<Integer> setBits(boolean[] keyUsage) {
        return IntStream.range(0, keyUsage.length).filter(i -> keyUsage[i]).boxed().toList();
    }
}
