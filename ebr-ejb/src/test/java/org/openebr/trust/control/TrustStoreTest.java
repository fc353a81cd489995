package org.openebr.trust.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
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
        assertNoTemporaryFileIn(keys);
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

    @Test
    void a_new_key_store_holds_an_aes_256_key_encryption_key() throws Exception {
        Path keys = temp.resolve("keys");
        TestKeys.open(keys);

        Key key = readKeyStore(keys).getKey(TrustStore.KEY_ENCRYPTION_KEY_ALIAS, TestKeys.password());

        assertThat(key).isInstanceOf(SecretKey.class);
        assertThat(key.getAlgorithm()).isEqualToIgnoringCase("AES");
        assertThat(key.getEncoded()).hasSize(32);
    }

    @Test
    void a_key_store_made_before_electronic_signatures_gets_a_key_encryption_key_and_keeps_its_keys()
            throws Exception {
        Path keys = temp.resolve("keys");
        TrustStore before = TestKeys.open(keys);
        removeKeyEncryptionKey(keys);
        assertThat(readKeyStore(keys).containsAlias(TrustStore.KEY_ENCRYPTION_KEY_ALIAS)).isFalse();

        TrustStore upgraded = TestKeys.open(keys);
        UserSigningCredential credential = upgraded.issueUserCredential("u-0042", "Jane Doe");
        byte[] fileAfterUpgrade = Files.readAllBytes(keys.resolve(TrustStore.KEY_STORE_FILE));
        TrustStore reopened = TestKeys.open(keys);

        assertThat(readKeyStore(keys).getKey(TrustStore.KEY_ENCRYPTION_KEY_ALIAS, TestKeys.password()))
                .isInstanceOf(SecretKey.class);
        assertThat(upgraded.caCertificate()).isEqualTo(before.caCertificate());
        assertThat(upgraded.timeStampAuthority().key().getEncoded())
                .isEqualTo(before.timeStampAuthority().key().getEncoded());
        assertThat(upgraded.checkpointSigner().key().getEncoded())
                .isEqualTo(before.checkpointSigner().key().getEncoded());
        // added once: the next open rewrites nothing and has the same key-encryption key
        assertThat(Files.readAllBytes(keys.resolve(TrustStore.KEY_STORE_FILE))).isEqualTo(fileAfterUpgrade);
        assertThat(reopened.unwrapUserIdentity(credential.certificate(), credential.wrappedPrivateKey()).certificate())
                .isEqualTo(credential.certificate());
        assertNoTemporaryFileIn(keys);
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(keys.resolve(TrustStore.KEY_STORE_FILE)))).isEqualTo("rw-------");
        }
    }

    @Test
    void a_key_store_made_before_signed_documents_gets_a_document_signer_from_its_own_ca_and_keeps_its_keys()
            throws Exception {
        Path keys = temp.resolve("keys");
        TrustStore before = TestKeys.open(keys);
        KeyStore old = readKeyStore(keys);
        old.deleteEntry(TrustStore.DOCUMENT_SIGNER_ALIAS);
        try (OutputStream out = Files.newOutputStream(keys.resolve(TrustStore.KEY_STORE_FILE))) {
            old.store(out, TestKeys.password());
        }

        TrustStore upgraded = TestKeys.open(keys);
        byte[] fileAfterUpgrade = Files.readAllBytes(keys.resolve(TrustStore.KEY_STORE_FILE));
        TrustStore reopened = TestKeys.open(keys);

        assertThat(upgraded.documentSigner().certificate().getSubjectX500Principal().getName())
                .contains("CN=" + TrustStore.DOCUMENT_SIGNER_NAME);
        upgraded.documentSigner().certificate().verify(before.caCertificate().getPublicKey());
        assertThat(upgraded.caCertificate()).isEqualTo(before.caCertificate());
        assertThat(upgraded.checkpointSigner().key().getEncoded()).isEqualTo(before.checkpointSigner().key().getEncoded());
        assertThat(reopened.documentSigner().certificate()).isEqualTo(upgraded.documentSigner().certificate());
        assertThat(Files.readAllBytes(keys.resolve(TrustStore.KEY_STORE_FILE))).isEqualTo(fileAfterUpgrade);
        assertNoTemporaryFileIn(keys);
    }

    @Test
    void two_opens_at_once_of_an_old_key_store_agree_on_one_key_encryption_key() throws Exception {
        Path keys = temp.resolve("keys");
        TestKeys.open(keys);
        removeKeyEncryptionKey(keys);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<TrustStore> open = () -> {
                start.await();
                return TestKeys.open(keys);
            };
            Future<TrustStore> first = threads.submit(open);
            Future<TrustStore> second = threads.submit(open);
            start.countDown();

            UserSigningCredential credential = first.get().issueUserCredential("u-0042", "Jane Doe");
            assertThat(second.get().unwrapUserIdentity(credential.certificate(), credential.wrappedPrivateKey()))
                    .isNotNull();
        } finally {
            threads.shutdownNow();
        }
    }

    private static void removeKeyEncryptionKey(Path keys) throws Exception {
        KeyStore store = readKeyStore(keys);
        store.deleteEntry(TrustStore.KEY_ENCRYPTION_KEY_ALIAS);
        try (OutputStream out = Files.newOutputStream(keys.resolve(TrustStore.KEY_STORE_FILE))) {
            store.store(out, TestKeys.password());
        }
    }

    private static KeyStore readKeyStore(Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve(TrustStore.KEY_STORE_FILE))) {
            store.load(in, TestKeys.password());
        }
        return store;
    }

    private static void assertNoTemporaryFileIn(Path keys) throws Exception {
        try (Stream<Path> files = Files.list(keys)) {
            // the lock file stays: deleting it could split a lock another server is about to take
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    TrustStore.KEY_STORE_FILE, TrustStore.CA_CERTIFICATE_FILE, TrustStore.LOCK_FILE);
        }
    }

    private static X509Certificate readCertificate(Path pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
    }
}
