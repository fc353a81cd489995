package org.openebr.trust.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's one key store, opened once for the whole application (audit checkpoints and
 * electronic signatures share it), and the time-stamp authority in use: the internal one, or an
 * external RFC 3161 service (EBR_TSA_URL, its CA in EBR_TSA_CA_FILE).
 */
@ApplicationScoped
public class Keys {

    /** Only for development and tests; the README says to set EBR_KEY_PASSWORD in production. */
    public static final String DEVELOPMENT_KEY_PASSWORD = "openebr-development-only";

    @Inject
    @ConfigProperty(name = "ebr.key.dir")
    Optional<String> keyDir;

    @Inject
    @ConfigProperty(name = "ebr.key.password", defaultValue = DEVELOPMENT_KEY_PASSWORD)
    String keyPassword;

    @Inject
    @ConfigProperty(name = "ebr.tsa.url")
    Optional<String> tsaUrl;

    @Inject
    @ConfigProperty(name = "ebr.tsa.ca.file")
    Optional<String> tsaCaFile;

    @Inject
    @ConfigProperty(name = "ebr.installation.name", defaultValue = "OpenEBR")
    String installationName;

    @Inject
    Clock clock;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<KeyDependents> dependents;

    private TrustStore store;

    /** The installation's keys: never in the database. */
    public Path keyDir() {
        return keyDir.filter(s -> !s.isBlank()).map(Path::of).orElseGet(() -> Path.of(
                System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "openebr", "keys"));
    }

    /** The password of the key stores in the key directory (EBR_KEY_PASSWORD): for the stores of other components' keys. */
    public char[] keyStorePassword() {
        return keyPassword.toCharArray();
    }

    public boolean developmentKeyPassword() {
        return DEVELOPMENT_KEY_PASSWORD.equals(keyPassword);
    }

    public String installationName() {
        return installationName;
    }

    /**
     * The key store, opened on first use. A missing store is created only when nothing made with
     * the old keys exists (no {@link KeyDependents} says so): new keys would not verify existing
     * checkpoints or signatures, so a lost key store must be restored from backup instead.
     */
    public synchronized TrustStore store() {
        if (store == null) {
            Path file = keyDir().resolve(TrustStore.KEY_STORE_FILE);
            if (Files.notExists(file) && dependents.stream().anyMatch(KeyDependents::exist)) {
                throw new IllegalStateException("The key store " + file + " is missing but checkpoints or signatures made"
                        + " with it exist: restore EBR_KEY_DIR from backup (new keys would not verify them).");
            }
            store = TrustStore.open(keyDir(), keyPassword.toCharArray(), clock, installationName);
        }
        return store;
    }

    /** The time-stamp authority in use, with the CA that verifies its tokens. */
    public TimeStampAuthority timeStampAuthority(TrustStore trust) {
        return tsaUrl.filter(s -> !s.isBlank())
                .<TimeStampAuthority>map(url -> new HttpTimeStampAuthority(URI.create(url), Duration.ofSeconds(15)))
                .orElseGet(() -> new InternalTimeStampAuthority(trust.timeStampAuthority(), clock));
    }

    /**
     * The CAs whose time-stamp authorities are trusted. Without EBR_TSA_CA_FILE: the installation's
     * own (the internal authority). With it: exactly the certificates in that file, which may hold
     * several. An installation that moves from one authority to another keeps the earlier one's CA
     * in the file, so that older signatures and checkpoints keep verifying; moving from the internal
     * authority, that is {@code ca.pem} — a deliberate decision, because whoever holds the key store
     * can then also make time stamps that verify.
     */
    public List<X509Certificate> timeStampCas(TrustStore trust) {
        Optional<Path> file = tsaCaFile.filter(s -> !s.isBlank()).map(Path::of);
        if (file.isEmpty()) {
            return List.of(trust.caCertificate());
        }
        List<X509Certificate> cas = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file.get())) {
            CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).filter(ca -> !cas.contains(ca)).forEach(cas::add);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("EBR_TSA_CA_FILE " + file.get() + " is not a readable certificate file", e);
        }
        if (cas.isEmpty()) {
            throw new IllegalStateException("EBR_TSA_CA_FILE " + file.get() + " holds no certificate");
        }
        return List.copyOf(cas);
    }
}
