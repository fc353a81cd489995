package org.openebr.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The test servers' HTTPS: their certificate (made by bin/lib/tls-keystore.sh) as the only trusted one. */
final class Tls {

    static final String KEYSTORE_PASSWORD = "changeit";

    private Tls() {
    }

    /** The certificate in the server's key store {@code ebr-tls.p12}. */
    static X509Certificate certificate(Path keystore) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts exactly the server's certificate (host names are still checked). */
    static SSLContext trusting(Path keystore) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate(keystore));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Arquillian server's key store, made before it started (ebr-ear/pom.xml). */
    static Path itKeystore() {
        return Path.of(System.getProperty("ebr.it.base"), "configuration", "ebr-tls.p12");
    }

    /** The HTTPS port of a server started with this port offset. */
    static int httpsPort(int offset) {
        return 8443 + offset;
    }

    /** The Arquillian server's port offset. */
    static int itOffset() {
        return Integer.getInteger("ebr.it.port.offset", 100);
    }

    /** The same context root over HTTPS on localhost (the name in the certificate). */
    static URL https(URL contextRoot, int offset) {
        try {
            return new URL("https", "localhost", httpsPort(offset), contextRoot.getPath());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
