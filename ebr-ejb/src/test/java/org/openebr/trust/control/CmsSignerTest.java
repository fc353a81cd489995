package org.openebr.trust.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsSignerTest {

    static final byte[] RECORD = "{\"batch\":\"B-2025-0142\",\"step\":7,\"value\":\"12.40 kg\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path keys;

    private TrustStore store;
    private final CmsSigner signer = new CmsSigner(TestKeys.CLOCK);
    private final TrustVerifier verifier = new TrustVerifier();

    @BeforeEach
    void open() {
        store = TestKeys.open(keys);
    }

    @Test
    void a_detached_signature_verifies_with_the_ca_certificate_alone() {
        byte[] signature = signer.signDetached(RECORD, store.checkpointSigner());

        CmsVerification result = verifier.verifyDetachedCms(RECORD, signature, store.caCertificate());

        assertThat(result.valid()).as(result.problem()).isTrue();
        assertThat(result.signerSubject()).isEqualTo(store.checkpointSigner().subject());
        assertThat(result.signingTime()).isEqualTo(TestKeys.NOW);
        assertThat(result.problem()).isNull();
    }

    @Test
    void one_flipped_byte_of_content_makes_the_signature_invalid() {
        byte[] signature = signer.signDetached(RECORD, store.checkpointSigner());
        byte[] altered = RECORD.clone();
        altered[10] ^= 0x01;

        CmsVerification result = verifier.verifyDetachedCms(altered, signature, store.caCertificate());

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("not what was signed");
    }

    @Test
    void the_signature_is_detached_sha256_ecdsa_with_chain_and_signed_attributes() throws Exception {
        CMSSignedData signed = new CMSSignedData(signer.signDetached(RECORD, store.checkpointSigner()));

        assertThat(signed.getSignedContent()).as("content not encapsulated").isNull();
        assertThat(signed.getCertificates().getMatches(null)).hasSize(2);
        SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
        assertThat(info.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
        assertThat(info.getEncryptionAlgOID()).isEqualTo("1.2.840.10045.4.3.2"); // ecdsa-with-SHA256
        assertThat(info.getSignedAttributes().get(CMSAttributes.contentType)).isNotNull();
        assertThat(info.getSignedAttributes().get(CMSAttributes.messageDigest)).isNotNull();
        assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNotNull();
    }

    @Test
    void a_signature_from_another_installation_is_not_trusted() {
        TrustStore elsewhere = TestKeys.open(keys.resolve("elsewhere"));
        byte[] signature = signer.signDetached(RECORD, elsewhere.checkpointSigner());

        CmsVerification result = verifier.verifyDetachedCms(RECORD, signature, store.caCertificate());

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("does not carry the trusted CA's signature");
    }

    @Test
    void a_signature_by_the_time_stamp_authority_key_is_not_accepted_as_a_document_signature() {
        byte[] signature = signer.signDetached(RECORD, store.timeStampAuthority());

        CmsVerification result = verifier.verifyDetachedCms(RECORD, signature, store.caCertificate());

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("not for signing documents");
    }

    @Test
    void garbage_is_an_invalid_signature_not_an_exception() {
        CmsVerification garbage = verifier.verifyDetachedCms(RECORD, "not a signature".getBytes(StandardCharsets.UTF_8),
                store.caCertificate());
        CmsVerification empty = verifier.verifyDetachedCms(RECORD, new byte[0], store.caCertificate());
        CmsVerification missing = verifier.verifyDetachedCms(RECORD, null, store.caCertificate());

        assertThat(garbage.valid()).isFalse();
        assertThat(garbage.problem()).startsWith("not a readable CMS signature");
        assertThat(empty.valid()).isFalse();
        assertThat(missing.valid()).isFalse();
    }
}
