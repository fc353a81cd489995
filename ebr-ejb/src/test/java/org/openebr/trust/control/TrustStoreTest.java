package org.openebr.trust.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {

    @TempDir
    Path temp;

    @Test
    void the_first_open_creates_the_key_store_and_later_opens_read_the_same_keys() throws Exception {
        Path keys = temp.resolve("keys");
        TrustStore created = TestKeys.open(keys);
        byte[] fileAfterCreation = Files.readAllBytes(keys.resolve(TrustStore.KEY_STORE_FILE));

        // a later day, another site name: the existing keys and names stay
        TrustStore reopened = TrustStore.open(keys, TestKeys.password(),
                Clock.offset(TestKeys.CLOCK, Duration.ofDays(30)), "Renamed site");

        assertThat(Files.readAllBytes(keys.resolve(TrustStore.KEY_STORE_FILE))).isEqualTo(fileAfterCreation);
        assertThat(reopened.caCertificate()).isEqualTo(created.caCertificate());
        assertThat(reopened.caCertificate().getSubjectX500Principal().getName()).contains("Example Pharma");
        assertThat(reopened.timeStampAuthority().key().getEncoded())
                .isEqualTo(created.timeStampAuthority().key().getEncoded());
        assertThat(reopened.timeStampAuthority().chain()).isEqualTo(created.timeStampAuthority().chain());
        assertThat(reopened.checkpointSigner().key().getEncoded())
                .isEqualTo(created.checkpointSigner().key().getEncoded());
        assertThat(reopened.checkpointSigner().chain()).isEqualTo(created.checkpointSigner().chain());
        try (Stream<Path> files = Files.list(keys)) {
            // no temporary file left behind
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(TrustStore.KEY_STORE_FILE, TrustStore.CA_CERTIFICATE_FILE);
        }
    }

    @Test
    void a_wrong_password_is_refused_with_a_message_naming_the_file() {
        Path keys = temp.resolve("keys");
        TestKeys.open(keys);

        assertThatThrownBy(() -> TrustStore.open(keys, "wrong".toCharArray(), TestKeys.CLOCK, TestKeys.INSTALLATION))
                .isInstanceOf(TrustStoreUnavailable.class)
                .hasMessageContaining(keys.resolve(TrustStore.KEY_STORE_FILE).toString())
                .hasMessageContaining("password is wrong");
    }

    @Test
    void a_damaged_key_store_is_refused_with_a_message_naming_the_file() throws Exception {
        Path keys = temp.resolve("keys");
        Files.createDirectories(keys);
        Files.writeString(keys.resolve(TrustStore.KEY_STORE_FILE), "not a key store");

        assertThatThrownBy(() -> TestKeys.open(keys))
                .isInstanceOf(TrustStoreUnavailable.class)
                .hasMessageContaining(keys.resolve(TrustStore.KEY_STORE_FILE).toString());
    }

    @Test
    void the_key_directory_and_the_key_store_are_readable_by_the_owner_only() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "owner-only permissions exist on POSIX file systems only");
        Path keys = temp.resolve("nested").resolve("keys");
        TestKeys.open(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve(TrustStore.KEY_STORE_FILE)))).isEqualTo("rw-------");
    }

    @Test
    void the_ca_certificate_is_written_as_pem_and_restored_when_missing_or_stale() throws Exception {
        Path keys = temp.resolve("keys");
        TrustStore store = TestKeys.open(keys);
        Path pem = keys.resolve(TrustStore.CA_CERTIFICATE_FILE);
        assertThat(readCertificate(pem)).isEqualTo(store.caCertificate());

        Files.delete(pem);
        TestKeys.open(keys);
        assertThat(readCertificate(pem)).isEqualTo(store.caCertificate());

        TrustStore other = TestKeys.open(temp.resolve("other"));
        Files.copy(temp.resolve("other").resolve(TrustStore.CA_CERTIFICATE_FILE), pem,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(readCertificate(pem)).isEqualTo(other.caCertificate());
        TestKeys.open(keys);
        assertThat(readCertificate(pem)).isEqualTo(store.caCertificate());
        assertThat(Files.readString(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    private static X509Certificate readCertificate(Path pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
    }
}
