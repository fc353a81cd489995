package org.openebr.mde.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Period;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.openebr.trust.control.Keys;

/**
 * OpenEBR's OPC UA application instance certificate: the identity it shows every equipment server
 * (secure channel, and the user token for CERTIFICATE connections). RSA 2048, as Basic256Sha256 and
 * Aes256_Sha256_RsaPss require, self-signed with the application URI {@value MdeSettings#APPLICATION_URI}.
 * Made on first use in the installation's key directory (opcua-client.p12, protected with
 * EBR_KEY_PASSWORD) and published beside it as opcua-client.pem, which the equipment's administrator
 * adds to the server's trusted certificates (also served at GET /api/v1/opcua/client-certificate).
 */
@ApplicationScoped
public class ApplicationCertificate {

    public static final String KEY_STORE_FILE = "opcua-client.p12";
    public static final String CERTIFICATE_FILE = "opcua-client.pem";
    private static final String ALIAS = "openebr-opcua-client";

    @Inject
    Keys keys;

    private KeyPair keyPair;
    private X509Certificate certificate;

    public synchronized KeyPair keyPair() {
        load();
        return keyPair;
    }

    public synchronized X509Certificate certificate() {
        load();
        return certificate;
    }

    private void load() {
        if (certificate != null) {
            return;
        }
        Path dir = keys.keyDir();
        Path store = dir.resolve(KEY_STORE_FILE);
        char[] password = keys.keyStorePassword();
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(store)) {
                try (InputStream in = Files.newInputStream(store)) {
                    keyStore.load(in, password);
                }
                PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, password);
                certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
                keyPair = new KeyPair(certificate.getPublicKey(), key);
            } else {
                KeyPair fresh = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
                X509Certificate made = new SelfSignedCertificateBuilder(fresh)
                        .setCommonName("OpenEBR " + keys.installationName())
                        .setOrganization("OpenEBR")
                        .setApplicationUri(MdeSettings.APPLICATION_URI)
                        .addDnsName("localhost")
                        .addDnsName(hostName())
                        .setValidityPeriod(Period.ofYears(5))
                        .build();
                keyStore.load(null, password);
                keyStore.setKeyEntry(ALIAS, fresh.getPrivate(), password, new Certificate[] {made});
                Files.createDirectories(dir);
                Path temporary = dir.resolve(KEY_STORE_FILE + ".new");
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    keyStore.store(out, password);
                }
                Files.move(temporary, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                keyPair = fresh;
                certificate = made;
            }
            Path pem = dir.resolve(CERTIFICATE_FILE);
            String text = Certificates.pem(Certificates.der(certificate));
            if (Files.notExists(pem) || !Files.readString(pem, StandardCharsets.US_ASCII).equals(text)) {
                Files.writeString(pem, text, StandardCharsets.US_ASCII);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("OpenEBR's OPC UA certificate in " + store + " cannot be read or made", e);
        } catch (Exception e) {
            throw new IllegalStateException("OpenEBR's OPC UA certificate cannot be made", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
