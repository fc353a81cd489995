package org.openebr.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running equipment simulator: a real OPC UA server (Eclipse Milo) with the nodes of V-101 and
 * FL-01, values that follow the reference process, and controls for tests and the demo to make the
 * equipment misbehave (a value out of range, a bad sensor, a flatline, the machine gone).
 * <p>
 * Secured like the equipment OpenEBR is meant for: Basic256Sha256 and Aes256_Sha256_RsaPss with
 * SignAndEncrypt, a user name and password or an X.509 user certificate, client certificates checked
 * against the trust list in the PKI directory. The None endpoint and anonymous sign-in exist only in
 * development mode, so a test cannot pass by accident over an unsecured channel.
 * <p>
 * The controls act on the simulation thread, between two steps, and return once applied.
 */
public final class EquipmentSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EquipmentSimulator.class);

    /** The security policies offered, strongest last; both with SignAndEncrypt. */
    public static final List<SecurityPolicy> SECURE_POLICIES =
            List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes256_Sha256_RsaPss);

    private static final UserTokenPolicy ANONYMOUS =
            new UserTokenPolicy("anonymous", UserTokenType.Anonymous, null, null, null);

    private final SimulatorConfig config;
    private final SimulatorPki pki;
    private final ScheduledExecutorService simulation;
    private final OpcUaServer server;
    private final EquipmentNamespace namespace;
    private final List<String> offered;
    private volatile boolean stopped;

    private EquipmentSimulator(SimulatorConfig config, SimulatorPki pki, ScheduledExecutorService simulation,
                               OpcUaServer server, EquipmentNamespace namespace, List<String> offered) {
        this.config = config;
        this.pki = pki;
        this.simulation = simulation;
        this.server = server;
        this.namespace = namespace;
        this.offered = offered;
    }

    /**
     * Starts a simulator and returns once clients can connect. Starting again with the same
     * configuration after {@link #stop()} gives the same endpoint and the same server certificate.
     *
     * @throws SimulatorException if the port is taken or the PKI directory is unusable
     */
    public static EquipmentSimulator start(SimulatorConfig config) {
        allowQuickReconnects();
        registerBouncyCastle();
        SimulatorPki pki = SimulatorPki.open(config.pkiDir(), config.host(), config.trustFiles());
        ScheduledExecutorService simulation = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "openebr-sim-" + config.port());
            thread.setDaemon(true);
            return thread;
        });
        OpcUaServer server = null;
        EquipmentNamespace namespace = null;
        try {
            Set<EndpointConfig> endpoints = endpoints(config, pki.certificate());
            OpcUaServerConfig serverConfig = OpcUaServerConfig.builder()
                    .setApplicationUri(SimulatorPki.APPLICATION_URI)
                    .setApplicationName(LocalizedText.english("OpenEBR equipment simulator"))
                    .setProductUri(SimulatorPki.APPLICATION_URI)
                    .setBuildInfo(new BuildInfo(SimulatorPki.APPLICATION_URI, "OpenEBR",
                            "OpenEBR equipment simulator", version(), "", DateTime.now()))
                    .setCertificateManager(pki.certificateManager())
                    .setIdentityValidator(identityValidator(config, pki))
                    .setEndpoints(endpoints)
                    .build();
            forgetTypeHierarchiesOfEarlierServers();
            server = new OpcUaServer(serverConfig, profile -> profile == TransportProfile.TCP_UASC_UABINARY
                    ? new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build())
                    : null);
            namespace = new EquipmentNamespace(server, simulation, config.tickMs(), config.benchTags());
            namespace.startup();
            server.startup().get(30, TimeUnit.SECONDS);

            var process = new ReferenceProcess(namespace, config.seed());
            simulation.scheduleAtFixedRate(() -> step(process), config.tickMs(), config.tickMs(),
                    TimeUnit.MILLISECONDS);
            List<String> offered = endpoints.stream()
                    .map(e -> e.getSecurityPolicy().name() + "/" + e.getSecurityMode().name())
                    .distinct().toList();
            LOG.info("OpenEBR equipment simulator at {} ({}), certificate SHA-1 {}", config.endpointUrl(),
                    String.join(", ", offered), SimulatorPki.sha1Thumbprint(pki.certificate()));
            return new EquipmentSimulator(config, pki, simulation, server, namespace, offered);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            shutDown(server, namespace, simulation, pki);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof SimulatorException simulatorException) {
                throw simulatorException;
            }
            throw new SimulatorException("cannot start the simulator at " + config.endpointUrl() + ": "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutDown(server, namespace, simulation, pki);
            throw new SimulatorException("interrupted while starting", e);
        }
    }

    /**
     * Closes the server: every client loses its connection, as when the machine is switched off. A new
     * simulator can then be {@link #start(SimulatorConfig) started} on the same port and PKI directory.
     */
    public synchronized void stop() {
        if (!stopped) {
            stopped = true;
            shutDown(server, namespace, simulation, pki);
            LOG.info("OpenEBR equipment simulator at {} stopped", config.endpointUrl());
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return !stopped;
    }

    public SimulatorConfig config() {
        return config;
    }

    public String endpointUrl() {
        return config.endpointUrl();
    }

    /** What the server offers, e.g. {@code Basic256Sha256/SignAndEncrypt}. */
    public List<String> securityPolicies() {
        return offered;
    }

    /** The server's application instance certificate (self-signed, created once per PKI directory). */
    public X509Certificate serverCertificate() {
        return pki.certificate();
    }

    /** The SHA-1 thumbprint of {@link #serverCertificate()}, lower-case hex, as OPC UA names certificates. */
    public String sha1Thumbprint() {
        return SimulatorPki.sha1Thumbprint(pki.certificate());
    }

    /**
     * Sets a value now (the process goes on from it; a frozen tag stays at it). Booleans take 0 / not 0,
     * counters are rounded down; the filler state is {@link #setFillerState(String)}.
     */
    public void set(String nodeId, double value) {
        onSimulationThread(() -> {
            SimulatedTag tag = namespace.tag(id(nodeId));
            Object current = tag.value();
            if (current instanceof Double) {
                tag.set(value);
            } else if (current instanceof Boolean) {
                tag.set(value != 0.0);
            } else if (current instanceof Long) {
                tag.set((long) value);
            } else {
                throw new IllegalArgumentException(nodeId + " is not numeric; for the filler use setFillerState");
            }
            return null;
        });
    }

    /** RUNNING, STOPPED or FAULT (any case): only a running filler fills, weighs and counts. */
    public void setFillerState(String state) {
        FillerState parsed;
        try {
            parsed = FillerState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("filler state must be RUNNING, STOPPED or FAULT: " + state, e);
        }
        setFillerState(parsed);
    }

    public void setFillerState(FillerState state) {
        onSimulationThread(() -> {
            namespace.tag(EquipmentNodes.FL01_FILLER_STATE).set(state.name());
            return null;
        });
    }

    /**
     * From now on the node's values carry this status (e.g. Bad_SensorFailure, Uncertain), until
     * {@link #releaseStatus(String)}. The values keep coming, as from a transmitter that reports its own
     * fault; the status change itself is published at once.
     */
    public void forceStatus(String nodeId, StatusCode status) {
        onSimulationThread(() -> {
            namespace.tag(id(nodeId)).forceStatus(status);
            return null;
        });
    }

    /** Back to Good. */
    public void releaseStatus(String nodeId) {
        onSimulationThread(() -> {
            namespace.tag(id(nodeId)).releaseStatus();
            return null;
        });
    }

    /**
     * The value stops changing and keeps its source timestamp: a flatline, which a client can only tell
     * from the timestamp (the status stays Good).
     */
    public void freeze(String nodeId) {
        onSimulationThread(() -> {
            namespace.tag(id(nodeId)).freeze();
            return null;
        });
    }

    public void unfreeze(String nodeId) {
        onSimulationThread(() -> {
            namespace.tag(id(nodeId)).unfreeze();
            return null;
        });
    }

    /** The node's current value as a client would read it (value, status, source timestamp). */
    public DataValue value(String nodeId) {
        return onSimulationThread(() -> namespace.tag(id(nodeId)).dataValue());
    }

    /** The node ids of the equipment (and bench) variables, in address-space order. */
    public List<String> nodeIds() {
        return onSimulationThread(() -> List.copyOf(namespace.tags().keySet()));
    }

    /**
     * Accepts a bare id ({@code V-101.Temperature}) or one in OPC UA notation
     * ({@code ns=2;s=...}, {@code nsu=urn:openebr:sim;s=...}).
     */
    private static String id(String nodeId) {
        int at = nodeId.lastIndexOf(";s=");
        if (at >= 0) {
            return nodeId.substring(at + 3);
        }
        return nodeId.startsWith("s=") ? nodeId.substring(2) : nodeId;
    }

    private <T> T onSimulationThread(Callable<T> action) {
        if (stopped) {
            throw new IllegalStateException("the simulator at " + config.endpointUrl() + " is stopped");
        }
        try {
            return simulation.submit(action).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SimulatorException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SimulatorException("the simulation thread did not answer within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException("interrupted", e);
        }
    }

    private static void step(ReferenceProcess process) {
        try {
            process.step();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule for good: log it and take the next step
            LOG.error("simulation step failed", e);
        }
    }

    private static Set<EndpointConfig> endpoints(SimulatorConfig config, X509Certificate certificate) {
        var base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(config.host())
                .setBindPort(config.port())
                .setHostname(config.host())
                .setPath(config.path())
                .setCertificate(certificate);
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        for (SecurityPolicy policy : SECURE_POLICIES) {
            var endpoint = base.copy()
                    .setSecurityPolicy(policy)
                    .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                    .addTokenPolicies(tokenPolicies(policy));
            if (config.development()) {
                endpoint.addTokenPolicy(ANONYMOUS);
            }
            endpoints.add(endpoint.build());
        }
        if (config.development()) {
            // the password still travels encrypted (with the server certificate) on the None channel
            endpoints.add(base.copy()
                    .setSecurityPolicy(SecurityPolicy.None)
                    .setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicies(tokenPolicies(SecurityPolicy.Basic256Sha256))
                    .addTokenPolicy(ANONYMOUS)
                    .build());
        }
        return endpoints;
    }

    /**
     * Token policies name their security policy explicitly: Milo 1.1's server cannot decrypt a password
     * under a token policy that leaves it empty ("use the channel's").
     */
    private static UserTokenPolicy[] tokenPolicies(SecurityPolicy policy) {
        String suffix = "-" + policy.name();
        return new UserTokenPolicy[] {
            new UserTokenPolicy("username" + suffix, UserTokenType.UserName, null, null, policy.getUri()),
            new UserTokenPolicy("certificate" + suffix, UserTokenType.Certificate, null, null, policy.getUri())
        };
    }

    private static IdentityValidator identityValidator(SimulatorConfig config, SimulatorPki pki) {
        Map<String, String> users = config.users();
        List<IdentityValidator> validators = new ArrayList<>();
        validators.add(new UsernameIdentityValidator(challenge -> {
            String expected = users.get(challenge.getUsername());
            // compare in constant time, and even for an unknown user, so timing tells nothing
            byte[] given = challenge.getPassword().getBytes(StandardCharsets.UTF_8);
            byte[] wanted = (expected == null ? "\0unknown user" : expected).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(given, wanted) && expected != null;
        }));
        validators.add(new X509IdentityValidator(pki::trusts));
        if (config.development()) {
            validators.add(AnonymousIdentityValidator.INSTANCE);
        }
        return new CompositeValidator(validators);
    }

    /**
     * Milo refuses a fifth connection from one address within a second. Tests and the demo reconnect
     * faster than that (a refused connection, a restart, the client's endpoint discovery each count), so
     * the simulator allows more; it must run before the first server binds.
     */
    private static void allowQuickReconnects() {
        Stack.ConnectionLimits.RATE_LIMIT_MAX_ATTEMPTS = Math.max(Stack.ConnectionLimits.RATE_LIMIT_MAX_ATTEMPTS, 1_000);
    }

    /**
     * Milo caches how to instantiate an object type JVM-wide. A session that opens while an earlier server
     * in this JVM shuts down can leave an incomplete entry behind, and the next server then fails (a
     * NullPointerException in its session diagnostics). The entries are rebuilt on first use.
     */
    private static void forgetTypeHierarchiesOfEarlierServers() {
        NodeFactory.invalidateCachedIdh(NodeIds.SessionDiagnosticsObjectType);
        NodeFactory.invalidateCachedIdh(NodeIds.BaseEventType);
    }

    /**
     * Aes256_Sha256_RsaPss signs with "SHA256withRSA/PSS", a name only BouncyCastle's JCA provider knows
     * (the JDK calls it RSASSA-PSS): without the provider Milo fails every such channel with
     * Bad_InternalError. Added last, so it serves only what the JDK's providers cannot. A Milo client
     * (OpenEBR's too) needs the same for this policy.
     */
    private static void registerBouncyCastle() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private static String version() {
        String version = EquipmentSimulator.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static void shutDown(OpcUaServer server, EquipmentNamespace namespace,
                                 ScheduledExecutorService simulation, SimulatorPki pki) {
        try {
            if (server != null) {
                // first the network, so clients see the machine go away before anything else stops
                server.shutdown().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("server shutdown: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (namespace != null) {
                namespace.shutdown();
            }
            simulation.shutdownNow();
            try {
                simulation.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pki.close();
        }
    }
}
