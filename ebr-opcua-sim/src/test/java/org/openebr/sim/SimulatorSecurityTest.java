package org.openebr.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openebr.sim.EquipmentSimulatorTest.awaitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who gets in: secured endpoints only, the right password, trusted certificates; and the server's own identity. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimulatorSecurityTest {

    @TempDir
    Path dir;

    @Test
    void outside_development_mode_only_sign_and_encrypt_endpoints_are_offered_and_none_is_refused() throws Exception {
        TestClients.ClientIdentity client = TestClients.newClientIdentity(dir, "client");
        try (EquipmentSimulator simulator = EquipmentSimulator.start(TestClients.config(dir.resolve("pki"), client))) {
            List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(simulator.endpointUrl()).get();

            assertThat(endpoints).extracting(EndpointDescription::getSecurityPolicyUri).containsExactlyInAnyOrder(
                    SecurityPolicy.Basic256Sha256.getUri(), SecurityPolicy.Aes256_Sha256_RsaPss.getUri());
            assertThat(endpoints).allSatisfy(e -> {
                assertThat(e.getSecurityMode()).isEqualTo(MessageSecurityMode.SignAndEncrypt);
                assertThat(Stream.of(e.getUserIdentityTokens()).map(UserTokenPolicy::getTokenType))
                        .containsExactlyInAnyOrder(UserTokenType.UserName, UserTokenType.Certificate);
            });
            assertThat(simulator.securityPolicies())
                    .containsExactly("Basic256Sha256/SignAndEncrypt", "Aes256_Sha256_RsaPss/SignAndEncrypt");

            // a client that insists on None anyway (as if it had been configured for it)
            EndpointDescription secured = endpoints.get(0);
            var none = new EndpointDescription(secured.getEndpointUrl(), secured.getServer(), ByteString.NULL_VALUE,
                    MessageSecurityMode.None, SecurityPolicy.None.getUri(),
                    new UserTokenPolicy[] {new UserTokenPolicy("anonymous", UserTokenType.Anonymous, null, null, null)},
                    secured.getTransportProfileUri(), secured.getSecurityLevel());
            OpcUaClient unsecured = OpcUaClient.create(OpcUaClientConfig.builder()
                    .setEndpoint(none)
                    .setIdentityProvider(new AnonymousProvider())
                    .build());
            try {
                assertThatThrownBy(unsecured::connect).isInstanceOf(UaException.class);
            } finally {
                TestClients.disconnect(unsecured);
            }
        }
    }

    @Test
    void development_mode_adds_none_and_anonymous() throws Exception {
        TestClients.ClientIdentity client = TestClients.newClientIdentity(dir, "client");
        SimulatorConfig config = TestClients.config(dir.resolve("pki"), client).withDevelopment(true);
        try (EquipmentSimulator simulator = EquipmentSimulator.start(config)) {
            assertThat(simulator.securityPolicies()).contains("None/None");

            OpcUaClient anonymous = TestClients.connect(simulator, client, SecurityPolicy.None, new AnonymousProvider());
            try {
                NodeId temperature = new NodeId(anonymous.getNamespaceTable().getIndex(EquipmentNodes.NAMESPACE_URI),
                        EquipmentNodes.V101_TEMPERATURE);
                DataValue value = anonymous.readValue(0.0, TimestampsToReturn.Both, temperature);
                assertThat(value.statusCode().isGood()).isTrue();
            } finally {
                TestClients.disconnect(anonymous);
            }
        }
    }

    @Test
    void a_wrong_password_and_an_unknown_user_are_refused() throws Exception {
        TestClients.ClientIdentity client = TestClients.newClientIdentity(dir, "client");
        try (EquipmentSimulator simulator = EquipmentSimulator.start(TestClients.config(dir.resolve("pki"), client))) {
            for (UsernameProvider wrong : List.of(new UsernameProvider(TestClients.USER, "not-the-password"),
                    new UsernameProvider("intruder", TestClients.PASSWORD))) {
                assertThatThrownBy(() -> TestClients.connect(simulator, client, SecurityPolicy.Basic256Sha256, wrong))
                        .isInstanceOfSatisfying(UaException.class, e -> assertThat(e.getStatusCode().value())
                                .isIn(StatusCodes.Bad_UserAccessDenied, StatusCodes.Bad_IdentityTokenRejected));
            }
            // and anonymous is not even offered outside development mode
            assertThatThrownBy(() -> TestClients.connect(simulator, client, SecurityPolicy.Basic256Sha256,
                    new AnonymousProvider())).isInstanceOf(Exception.class);

            OpcUaClient right = TestClients.connect(simulator, client);
            TestClients.disconnect(right);
        }
    }

    @Test
    void an_untrusted_client_certificate_is_refused_and_trusted_once_moved_without_restart() throws Exception {
        TestClients.ClientIdentity trusted = TestClients.newClientIdentity(dir, "trusted");
        TestClients.ClientIdentity stranger = TestClients.newClientIdentity(dir, "stranger");
        Path pki = dir.resolve("pki");
        try (EquipmentSimulator simulator = EquipmentSimulator.start(TestClients.config(pki, trusted))) {
            assertThatThrownBy(() -> TestClients.connect(simulator, stranger))
                    .isInstanceOfSatisfying(UaException.class, e -> assertThat(e.getStatusCode().value())
                            .isEqualTo(StatusCodes.Bad_SecurityChecksFailed));

            Path rejected;
            try (Stream<Path> files = Files.list(pki.resolve("rejected"))) {
                rejected = files.findFirst().orElseThrow(() -> new AssertionError("nothing in pki/rejected"));
            }
            Files.move(rejected, pki.resolve("trusted").resolve("certs").resolve(rejected.getFileName()));

            awaitUntil(() -> {
                try {
                    TestClients.disconnect(TestClients.connect(simulator, stranger));
                    return true;
                } catch (UaException e) {
                    return false;
                }
            }, Duration.ofSeconds(20));
        }
    }

    @Test
    void a_restarted_simulator_presents_the_same_certificate_and_clients_lose_the_stopped_one() throws Exception {
        TestClients.ClientIdentity client = TestClients.newClientIdentity(dir, "client");
        SimulatorConfig config = TestClients.config(dir.resolve("pki"), client);

        EquipmentSimulator first = EquipmentSimulator.start(config);
        String thumbprint = first.sha1Thumbprint();
        OpcUaClient connected = TestClients.connect(first, client);
        NodeId temperature = new NodeId(connected.getNamespaceTable().getIndex(EquipmentNodes.NAMESPACE_URI),
                EquipmentNodes.V101_TEMPERATURE);
        assertThat(connected.readValue(0.0, TimestampsToReturn.Both, temperature).statusCode().isGood()).isTrue();

        var lost = new CountDownLatch(1);
        connected.addSessionActivityListener(new SessionActivityListener() {
            @Override
            public void onSessionInactive(UaSession session) {
                lost.countDown();
            }
        });

        first.stop();
        assertThat(first.isRunning()).isFalse();
        assertThat(lost.await(10, TimeUnit.SECONDS)).as("client notices the machine is gone").isTrue();
        TestClients.disconnect(connected);

        try (EquipmentSimulator second = EquipmentSimulator.start(config)) {
            assertThat(second.sha1Thumbprint()).isEqualTo(thumbprint).matches("[0-9a-f]{40}");
            assertThat(second.serverCertificate()).isEqualTo(first.serverCertificate());
            List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(second.endpointUrl()).get();
            assertThat(endpoints).extracting(TestClients::thumbprintOf).containsOnly(thumbprint);

            OpcUaClient again = TestClients.connect(second, client);
            try {
                assertThat(again.readValue(0.0, TimestampsToReturn.Both, temperature).statusCode().isGood()).isTrue();
            } finally {
                TestClients.disconnect(again);
            }
        }
    }

    @Test
    void a_client_certificate_to_trust_may_be_der_as_well_as_pem() throws Exception {
        TestClients.ClientIdentity client = TestClients.newClientIdentity(dir, "client");
        Path der = Files.write(dir.resolve("client.der"), client.certificate().getEncoded());
        SimulatorConfig config = TestClients.config(dir.resolve("pki"), client).withTrustFiles(List.of(der));
        try (EquipmentSimulator simulator = EquipmentSimulator.start(config)) {
            TestClients.disconnect(TestClients.connect(simulator, client));
        }
        assertThatThrownBy(() -> EquipmentSimulator.start(config.withTrustFiles(List.of(dir.resolve("missing.pem")))))
                .isInstanceOf(SimulatorException.class).hasMessageContaining("missing.pem");
    }

    @Test
    void a_taken_port_is_reported_and_leaves_nothing_behind() throws Exception {
        TestClients.ClientIdentity client = TestClients.newClientIdentity(dir, "client");
        SimulatorConfig config = TestClients.config(dir.resolve("pki"), client);
        try (EquipmentSimulator first = EquipmentSimulator.start(config)) {
            assertThatThrownBy(() -> EquipmentSimulator.start(config.withPkiDir(dir.resolve("pki2"))))
                    .isInstanceOf(SimulatorException.class)
                    .hasMessageContaining(config.endpointUrl());
            assertThat(first.value(EquipmentNodes.V101_TEMPERATURE).statusCode().isGood()).isTrue();
        }
    }

    @Test
    void the_server_certificate_names_the_application_and_this_host() throws Exception {
        TestClients.ClientIdentity client = TestClients.newClientIdentity(dir, "client");
        try (EquipmentSimulator simulator = EquipmentSimulator.start(TestClients.config(dir.resolve("pki"), client))) {
            var sans = simulator.serverCertificate().getSubjectAlternativeNames().stream()
                    .map(san -> san.get(1).toString()).toList();
            assertThat(sans).contains("urn:openebr:sim", "localhost", "127.0.0.1");
            assertThat(Set.of(Files.readString(dir.resolve("pki/own/openebr-sim.pem")).split("\n")))
                    .contains("-----BEGIN CERTIFICATE-----");
        }
    }
}
