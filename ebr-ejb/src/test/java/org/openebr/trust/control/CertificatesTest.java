package org.openebr.trust.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extensions of the internal PKI's certificates, as RFC 5280, RFC 3161 and openssl need them. */
class CertificatesTest {

    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    // bit positions of X.509 key usage
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    @TempDir
    Path keys;

    private TrustStore store;

    @BeforeEach
    void open() {
        store = TestKeys.open(keys);
    }

    @Test
    void the_root_is_a_self_signed_ca_for_twenty_years_that_signs_certificates_only() throws Exception {
        X509Certificate ca = store.caCertificate();

        assertThat(ca.getSubjectX500Principal().getName())
                .isEqualTo("CN=OpenEBR Internal CA,O=Example Pharma\\, Plant 2");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE); // CA:TRUE, no path length limit
        assertThat(ca.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(setBits(ca.getKeyUsage())).containsExactly(KEY_CERT_SIGN, CRL_SIGN);
        assertThat(ca.getExtensionValue(SUBJECT_KEY_ID)).isNotNull();
        assertThat(ca.getNotBefore().toInstant()).isEqualTo(TestKeys.NOW);
        assertThat(ca.getNotAfter().toInstant())
                .isEqualTo(TestKeys.NOW.atOffset(ZoneOffset.UTC).plusYears(20).toInstant());
    }

    @Test
    void the_time_stamp_authority_has_critical_time_stamping_as_its_only_extended_key_usage() throws Exception {
        X509Certificate tsa = store.timeStampAuthority().certificate();

        assertThat(tsa.getSubjectX500Principal().getName())
                .isEqualTo("CN=OpenEBR Time-Stamp Authority,O=Example Pharma\\, Plant 2");
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(TIME_STAMPING);
        assertThat(tsa.getCriticalExtensionOIDs()).contains(EXTENDED_KEY_USAGE, KEY_USAGE, BASIC_CONSTRAINTS);
        assertThat(setBits(tsa.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
        assertIssuedForTenYearsByTheCa(tsa);
    }

    @Test
    void the_checkpoint_signer_may_sign_and_has_no_extended_key_usage() throws Exception {
        X509Certificate signer = store.checkpointSigner().certificate();

        assertThat(signer.getSubjectX500Principal().getName())
                .isEqualTo("CN=OpenEBR Audit Checkpoint Signer,O=Example Pharma\\, Plant 2");
        assertThat(signer.getExtendedKeyUsage()).isNull();
        assertThat(signer.getCriticalExtensionOIDs()).contains(KEY_USAGE, BASIC_CONSTRAINTS);
        assertThat(setBits(signer.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE, NON_REPUDIATION);
        assertIssuedForTenYearsByTheCa(signer);
    }

    @Test
    void every_key_is_ecdsa_p256_and_every_serial_number_is_random_positive_and_long() {
        List<X509Certificate> all = List.of(store.caCertificate(), store.timeStampAuthority().certificate(),
                store.checkpointSigner().certificate());

        assertThat(all).allSatisfy(certificate -> {
            assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
            assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                    .isEqualTo(256);
            assertThat(certificate.getSerialNumber().signum()).isPositive();
            assertThat(certificate.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
        });
        assertThat(all).extracting(X509Certificate::getSerialNumber).doesNotHaveDuplicates();
        assertThat(store.timeStampAuthority().chain()).containsExactly(store.timeStampAuthority().certificate(),
                store.caCertificate());
    }

    private void assertIssuedForTenYearsByTheCa(X509Certificate certificate) throws Exception {
        X509Certificate ca = store.caCertificate();
        certificate.verify(ca.getPublicKey());
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // CA:FALSE
        assertThat(certificate.getExtensionValue(SUBJECT_KEY_ID)).isNotNull();
        byte[] authorityKeyId = AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                certificate.getExtensionValue(AUTHORITY_KEY_ID))).getKeyIdentifier();
        byte[] caKeyId = SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                ca.getExtensionValue(SUBJECT_KEY_ID))).getKeyIdentifier();
        assertThat(authorityKeyId).isEqualTo(caKeyId);
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(TestKeys.NOW);
        assertThat(certificate.getNotAfter().toInstant())
                .isEqualTo(TestKeys.NOW.atOffset(ZoneOffset.UTC).plusYears(10).toInstant());
    }

    private static List<Integer> setBits(boolean[] keyUsage) {
        return IntStream.range(0, keyUsage.length).filter(i -> keyUsage[i]).boxed().toList();
    }
}
