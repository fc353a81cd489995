package org.openebr.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's PKI directory, laid out the way Milo (and most OPC UA stacks) keep it:
 * <pre>
 * own/openebr-sim.pfx      the server's key and self-signed certificate (created once, then reused)
 * own/openebr-sim.pem      the same certificate, for clients to trust
 * trusted/certs/           client certificates the server accepts (watched: a file put here counts at once)
 * issuer/certs/, crl/      CA certificates and revocation lists, if clients use a CA
 * rejected/                client certificates that were refused, to be moved to trusted/certs by hand
 * </pre>
 * A restarted simulator presents the same certificate, as a real machine does; a client that pinned the
 * thumbprint keeps working. The key store password protects nothing here (the directory does): the
 * simulator is a test fixture, and a fixed password lets a restart open what the last start wrote.
 */
final class SimulatorPki implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorPki.class);

    static final String APPLICATION_URI = EquipmentNodes.NAMESPACE_URI;
    private static final String KEY_STORE_FILE = "openebr-sim.pfx";
    private static final String CERTIFICATE_FILE = "openebr-sim.pem";
    private static final char[] KEY_STORE_PASSWORD = "openebr-sim".toCharArray();

    private final FileBasedTrustListManager trustList;
    private final CertificateManager certificateManager;
    private final CertificateValidator validator;
    private final X509Certificate certificate;

    private SimulatorPki(FileBasedTrustListManager trustList, CertificateManager certificateManager,
                         CertificateValidator validator, X509Certificate certificate) {
        this.trustList = trustList;
        this.certificateManager = certificateManager;
        this.validator = validator;
        this.certificate = certificate;
    }

    /**
     * Opens (or creates) the PKI directory. The given client certificates are copied into
     * {@code trusted/certs/} before the trust list is read, so they count from the first connection.
     */
    static SimulatorPki open(Path dir, String host, List<Path> trustFiles) {
        FileBasedTrustListManager trustList = null;
        try {
            Path own = Files.createDirectories(dir.resolve("own"));
            Path trustedCerts = Files.createDirectories(dir.resolve("trusted").resolve("certs"));
            for (Path file : trustFiles) {
                trust(file, trustedCerts);
            }
            trustList = FileBasedTrustListManager.createAndInitialize(dir);
            var quarantine = FileBasedCertificateQuarantine.create(dir.resolve("rejected"));
            var validator = new DefaultServerCertificateValidator(trustList, quarantine);
            var store = KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(
                    own.resolve(KEY_STORE_FILE), () -> KEY_STORE_PASSWORD, alias -> KEY_STORE_PASSWORD));
            var group = DefaultApplicationGroup.createAndInitialize(trustList, store,
                    new SelfSignedFactory(host), validator);
            X509Certificate certificate = group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
                    .orElseThrow(() -> new SimulatorException("no server certificate in " + own))[0];
            Files.writeString(own.resolve(CERTIFICATE_FILE), pem(certificate), StandardCharsets.US_ASCII);
            return new SimulatorPki(trustList, new DefaultCertificateManager(quarantine, group), validator,
                    certificate);
        } catch (Exception e) {
            if (trustList != null) {
                stopWatching(trustList);
            }
            if (e instanceof SimulatorException simulatorException) {
                throw simulatorException;
            }
            throw new SimulatorException("PKI directory " + dir + " unusable: " + e, e);
        }
    }

    CertificateManager certificateManager() {
        return certificateManager;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /**
     * Whether a user's X.509 certificate is one the trust list accepts: the same rule as for client
     * application certificates (and a refused one also lands in {@code rejected/}).
     */
    boolean trusts(X509Certificate userCertificate) {
        try {
            validator.validateCertificateChain(List.of(userCertificate), null, null);
            return true;
        } catch (UaException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stopWatching(trustList);
    }

    private static void stopWatching(FileBasedTrustListManager trustList) {
        try {
            trustList.close();
        } catch (IOException e) {
            // stopping goes on: at worst a watcher thread (a daemon) lingers until the JVM ends
            LOG.warn("could not stop watching the trust list: {}", e.toString());
        }
    }

    /** SHA-1 of the DER encoding, lower-case hex: how OPC UA names a certificate. */
    static String sha1Thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void trust(Path file, Path trustedCerts) throws IOException {
        List<X509Certificate> certificates;
        try {
            certificates = CertificateUtil.decodeCertificates(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SimulatorException("cannot read the certificate to trust: " + file, e);
        } catch (UaException e) {
            throw new SimulatorException("not a certificate (PEM or DER): " + file, e);
        }
        for (X509Certificate certificate : certificates) {
            Path target = trustedCerts.resolve(sha1Thumbprint(certificate) + ".der");
            Path temporary = Files.createTempFile(trustedCerts.getParent(), "trust", ".tmp");
            try {
                Files.write(temporary, certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new SimulatorException("cannot encode " + file, e);
            }
            // whole files only: the trust list's watcher must never read half a certificate
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The server's self-signed certificate, made the first time the PKI directory is used. */
    private static final class SelfSignedFactory extends RsaSha256CertificateFactory {

        private final String host;

        SelfSignedFactory(String host) {
            this.host = host;
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
            var builder = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("OpenEBR equipment simulator")
                    .setOrganization("OpenEBR")
                    .setOrganizationalUnit("test equipment (not for GMP use)")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1");
            if (isIpAddress(host)) {
                if (!"127.0.0.1".equals(host)) {
                    builder.addIpAddress(host);
                }
            } else if (!"localhost".equals(host)) {
                builder.addDnsName(host);
            }
            String machine = machineName();
            if (machine != null && !machine.equals(host) && !"localhost".equals(machine)) {
                builder.addDnsName(machine);
            }
            return new X509Certificate[] {builder.build()};
        }

        /** The machine's own name, so a client on another host can check it; none if it has no name. */
        private static String machineName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return null;
            }
        }

        private static boolean isIpAddress(String host) {
            return host.matches("[0-9.]+") || host.contains(":");
        }
    }
}
