package org.openebr.trust.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code openssl} verifies OpenEBR's files with nothing but {@code ca.pem}, exactly as an
 * inspector would, and agrees with the {@link TrustVerifier} both ways.
 */
class OpensslInteroperabilityTest {

    @TempDir
    Path work;

    private Path keys;
    private TrustStore store;
    private final TrustVerifier verifier = new TrustVerifier();

    @BeforeEach
    void open() {
        keys = work.resolve("keys");
        store = TestKeys.open(keys);
    }

    @Test
    void openssl_verifies_a_detached_cms_signature_and_rejects_it_after_one_flipped_byte() throws Exception {
        byte[] content = CmsSignerTest.RECORD;
        byte[] signature = new CmsSigner(TestKeys.CLOCK).signDetached(content, store.checkpointSigner());
        Files.write(work.resolve("sig.p7s"), signature);
        Files.write(work.resolve("content.json"), content);
        byte[] altered = content.clone();
        altered[altered.length - 2] ^= 0x01;
        Files.write(work.resolve("altered.json"), altered);

        Openssl.Result original = cmsVerify("content.json");
        Openssl.Result flipped = cmsVerify("altered.json");

        assertThat(original.exitCode()).as(original.output()).isZero();
        assertThat(flipped.exitCode()).as(flipped.output()).isNotZero();
        assertThat(verifier.verifyDetachedCms(content, signature, store.caCertificate()).valid()).isTrue();
        assertThat(verifier.verifyDetachedCms(altered, signature, store.caCertificate()).valid()).isFalse();
    }

    @Test
    void openssl_verifies_a_users_signature_made_with_the_unwrapped_credential_and_rejects_a_flipped_byte()
            throws Exception {
        UserSigningCredential credential = store.issueUserCredential("u-0042", "Jane Doe");
        SigningIdentity jane = store.unwrapUserIdentity(credential.certificate(), credential.wrappedPrivateKey());
        byte[] content = CmsSignerTest.RECORD;
        byte[] signature = new CmsSigner(TestKeys.CLOCK).signDetached(content, jane);
        Files.write(work.resolve("sig.p7s"), signature);
        Files.write(work.resolve("content.json"), content);
        byte[] altered = content.clone();
        altered[5] ^= 0x01;
        Files.write(work.resolve("altered.json"), altered);

        Openssl.Result original = cmsVerify("content.json");
        Openssl.Result flipped = cmsVerify("altered.json");

        assertThat(original.exitCode()).as(original.output()).isZero();
        assertThat(flipped.exitCode()).as(flipped.output()).isNotZero();
        assertThat(verifier.verifyDetachedCms(content, signature, store.caCertificate()).valid()).isTrue();
        assertThat(verifier.verifyDetachedCms(altered, signature, store.caCertificate()).valid()).isFalse();
    }

    @Test
    void openssl_verifies_a_time_stamp_and_rejects_it_for_data_with_one_byte_changed() throws Exception {
        byte[] data = InternalTimeStampAuthorityTest.DATA;
        Files.write(work.resolve("resp.tsr"),
                new InternalTimeStampAuthority(store.timeStampAuthority(), TestKeys.CLOCK).timeStamp(data));
        Files.write(work.resolve("data.bin"), data);
        byte[] altered = data.clone();
        altered[3] ^= 0x01;
        Files.write(work.resolve("altered.bin"), altered);

        Openssl.Result original = tsVerify("data.bin");
        Openssl.Result changed = tsVerify("altered.bin");

        assertThat(original.exitCode()).as(original.output()).isZero();
        assertThat(changed.exitCode()).as(changed.output()).isNotZero();
        byte[] response = Files.readAllBytes(work.resolve("resp.tsr"));
        assertThat(verifier.verifyTimeStamp(data, response, store.caCertificate()).valid()).isTrue();
        assertThat(verifier.verifyTimeStamp(altered, response, store.caCertificate()).valid()).isFalse();
    }

    @Test
    void openssl_verifies_a_time_stamp_with_a_file_of_several_tsa_cas_as_the_verifier_does() throws Exception {
        byte[] data = InternalTimeStampAuthorityTest.DATA;
        Path laterKeys = work.resolve("later-tsa");
        TrustStore later = TestKeys.open(laterKeys);
        byte[] earlier = new InternalTimeStampAuthority(store.timeStampAuthority(), TestKeys.CLOCK).timeStamp(data);
        Files.write(work.resolve("resp.tsr"), earlier);
        Files.write(work.resolve("data.bin"), data);
        Path both = work.resolve("tsa-cas.pem");
        Files.write(both, Files.readAllBytes(laterKeys.resolve(TrustStore.CA_CERTIFICATE_FILE)));
        Files.write(both, Files.readAllBytes(keys.resolve(TrustStore.CA_CERTIFICATE_FILE)), java.nio.file.StandardOpenOption.APPEND);
        Path laterOnly = laterKeys.resolve(TrustStore.CA_CERTIFICATE_FILE);

        Openssl.Result withBoth = Openssl.run(work, "ts", "-verify", "-data", "data.bin", "-in", "resp.tsr", "-CAfile",
                both.toString());
        Openssl.Result withLaterOnly = Openssl.run(work, "ts", "-verify", "-data", "data.bin", "-in", "resp.tsr",
                "-CAfile", laterOnly.toString());

        assertThat(withBoth.exitCode()).as(withBoth.output()).isZero();
        assertThat(withLaterOnly.exitCode()).as(withLaterOnly.output()).isNotZero();
        assertThat(verifier.verifyTimeStamp(data, earlier, java.util.List.of(later.caCertificate(), store.caCertificate()))
                .valid()).isTrue();
        assertThat(verifier.verifyTimeStamp(data, earlier, later.caCertificate()).valid()).isFalse();
    }

    private Openssl.Result cmsVerify(String contentFile) {
        return Openssl.run(work, "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.p7s",
                "-content", contentFile, "-CAfile", caPem(), "-out", "/dev/null");
    }

    private Openssl.Result tsVerify(String dataFile) {
        return Openssl.run(work, "ts", "-verify", "-data", dataFile, "-in", "resp.tsr", "-CAfile", caPem());
    }

    private String caPem() {
        return keys.resolve(TrustStore.CA_CERTIFICATE_FILE).toString();
    }
}
