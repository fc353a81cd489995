package org.openebr.sim;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * Real Milo clients for the tests, configured the way OpenEBR must be: an own application certificate,
 * SignAndEncrypt, and the server certificate checked against a trust list that holds only the
 * certificate the simulator wrote to its PKI directory (Milo's default client validator would accept
 * any server), plus the endpoint's thumbprint compared with the one the simulator reports.
 */
final class TestClients {

    static final String USER = "openebr";
    static final String PASSWORD = "test-password-1";
    static final String CLIENT_URI = "urn:openebr:test-client";

    private TestClients() {
    }

    /** A client application's key and self-signed certificate, also written as PEM for {@code --trust}. */
    record ClientIdentity(KeyPair keyPair, X509Certificate certificate, Path pemFile) {
    }

    static ClientIdentity newClientIdentity(Path dir, String name) throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName(name)
                .setOrganization("OpenEBR tests")
                .setApplicationUri(CLIENT_URI)
                .addDnsName("localhost")
                .build();
        Path pem = dir.resolve(name + ".pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return new ClientIdentity(keyPair, certificate, pem);
    }

    static SimulatorConfig config(Path pki, ClientIdentity trusted) throws IOException {
        return SimulatorConfig.defaults(pki)
                .withPort(freePort())
                .withUser(USER, PASSWORD)
                .withTrustFiles(List.of(trusted.pemFile()))
                .withTickMs(20);
    }

    static UsernameProvider password() {
        return new UsernameProvider(USER, PASSWORD);
    }

    /** Connects over Basic256Sha256 + SignAndEncrypt as {@link #USER}. */
    static OpcUaClient connect(EquipmentSimulator simulator, ClientIdentity client) throws Exception {
        return connect(simulator, client, SecurityPolicy.Basic256Sha256, password());
    }

    static OpcUaClient connect(EquipmentSimulator simulator, ClientIdentity client, SecurityPolicy policy,
                               IdentityProvider identity) throws Exception {
        OpcUaClient opcUaClient = create(simulator, client, policy, identity);
        try {
            opcUaClient.connect();
        } catch (UaException e) {
            opcUaClient.disconnect();
            throw e;
        }
        return opcUaClient;
    }

    static OpcUaClient create(EquipmentSimulator simulator, ClientIdentity client, SecurityPolicy policy,
                              IdentityProvider identity) throws Exception {
        // trust exactly what the simulator published, read from its PKI directory like an administrator would
        X509Certificate published = CertificateUtil.decodeCertificate(
                Files.readAllBytes(simulator.config().pkiDir().resolve("own").resolve("openebr-sim.pem")));
        var trustList = new MemoryTrustListManager();
        trustList.addTrustedCertificate(published);
        var validator = new DefaultClientCertificateValidator(trustList, new MemoryCertificateQuarantine());
        MessageSecurityMode mode = policy == SecurityPolicy.None ? MessageSecurityMode.None
                : MessageSecurityMode.SignAndEncrypt;
        return OpcUaClient.create(simulator.endpointUrl(),
                endpoints -> select(endpoints, policy, mode, simulator.sha1Thumbprint()),
                transport -> {
                },
                config -> config
                        .setApplicationName(LocalizedText.english("OpenEBR simulator test client"))
                        .setApplicationUri(CLIENT_URI)
                        .setKeyPair(client.keyPair())
                        .setCertificate(client.certificate())
                        .setCertificateChain(new X509Certificate[] {client.certificate()})
                        .setCertificateValidator(validator)
                        .setIdentityProvider(identity)
                        .setRequestTimeout(uint(10_000)));
    }

    private static Optional<EndpointDescription> select(List<EndpointDescription> endpoints, SecurityPolicy policy,
                                                        MessageSecurityMode mode, String thumbprint) {
        return endpoints.stream()
                .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .filter(e -> thumbprint.equals(thumbprintOf(e)))
                .findFirst();
    }

    static String thumbprintOf(EndpointDescription endpoint) {
        try {
            return SimulatorPki.sha1Thumbprint(
                    CertificateUtil.decodeCertificate(endpoint.getServerCertificate().bytesOrEmpty()));
        } catch (UaException e) {
            return "";
        }
    }

    static void disconnect(OpcUaClient client) {
        if (client != null) {
            try {
                client.disconnect();
            } catch (UaException | RuntimeException e) {
                // a test that already lost the server has nothing to close
            }
        }
    }

    /** A free port outside 8000-10200 and 18099 (used by the application server's test run). */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if ((port < 8000 || port > 10_200) && port != 18_099) {
                    return port;
                }
            }
        }
        throw new IOException("no free port");
    }
}
