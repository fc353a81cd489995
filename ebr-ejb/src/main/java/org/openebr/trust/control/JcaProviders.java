package org.openebr.trust.control;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one change OpenEBR makes to the JVM's provider list, for OPC UA: the security policy
 * Aes256_Sha256_RsaPss signs with "SHA256withRSA/PSS", an algorithm name only BouncyCastle knows, and
 * Eclipse Milo looks it up by name. BouncyCastle is appended at the lowest priority, so every algorithm
 * another provider offers is still taken from that provider (the server's own list is unchanged for
 * everything it had); only names no other provider knows resolve to BouncyCastle. The internal PKI keeps
 * passing its private instance ({@link Crypto#PROVIDER}) explicitly. Registered once per JVM: a
 * redeployment finds it there and leaves it.
 */
public final class JcaProviders {

    private JcaProviders() {
    }

    public static synchronized void offerRsaPssSignatures() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
