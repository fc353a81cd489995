package org.openebr.trust.control;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one change OpenEBR makes to the JVM's provider list, for OPC UA: the security policy
 * Aes256_Sha256_RsaPss signs with "SHA256withRSA/PSS", an algorithm name only BouncyCastle knows, and
 * Eclipse Milo looks it up by name. BouncyCastle is appended at the lowest priority, so every algorithm
 * another provider offers is still taken from that provider (the server's own list is unchanged for
 * everything it had); only names no other provider knows resolve to BouncyCastle. The internal PKI keeps
 * passing its private instance ({@link Crypto#PROVIDER}) explicitly. The registration belongs to this
 * deployment: it is withdrawn when the application stops, and a copy an earlier deployment left behind (its
 * classes from an undeployed class loader) is replaced.
 */
public final class JcaProviders {

    private JcaProviders() {
    }

    public static synchronized void offerRsaPssSignatures() {
        Provider registered = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (registered != null && registered.getClass() != BouncyCastleProvider.class && fromADeployment(registered)) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
            registered = null;
        }
        if (registered == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** Withdraws this deployment's registration (never one the server or another module made). */
    public static synchronized void withdraw() {
        Provider registered = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (registered != null && registered.getClass() == BouncyCastleProvider.class) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
    }

    /** A provider whose classes come from an application's deployment, not from the server's own modules. */
    private static boolean fromADeployment(Provider provider) {
        return String.valueOf(provider.getClass().getClassLoader()).contains("deployment.");
    }
}
