package org.openebr.mde.control;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.openebr.mde.entity.Identity;
import org.openebr.mde.entity.SecurityPolicy;

/**
 * One equipment connection at run time: connects with the configured security, accepts only the server
 * certificate an administrator trusted, subscribes to the connection's tags and hands every value to the
 * {@link ValueSink}; after a failure or a lost connection it tries again with exponential backoff (one
 * second, doubling up to EBR_OPCUA_BACKOFF_MAX_SECONDS) with a fresh client, so that the certificate is
 * checked again each time. Nothing is invented while it is down: the log shows the gap.
 */
final class Link {

    private static final Logger LOG = Logger.getLogger(Link.class.getName());

    /** The connection states people see. */
    enum State {
        CONNECTING, CONNECTED, LOST, UNTRUSTED_CERTIFICATE, REFUSED, UNREACHABLE, STOPPED
    }

    /** A tag to subscribe. */
    record Tag(java.util.UUID tagId, String tag, String nodeId, java.util.UUID unitId, boolean alarm) {
    }

    /** The connection as configured, with its password unsealed. */
    record Config(java.util.UUID id, String name, String endpointUrl, SecurityPolicy policy,
                  org.openebr.mde.entity.SecurityMode mode, Identity identity, String userName, String password,
                  int samplingMs, String trustedThumbprint, List<Tag> tags) {
    }

    /** What people see of the link. */
    record Status(State state, String message, Instant since, String presentedThumbprint, String presentedCertificate,
                  Instant connectedSince, Map<String, String> refusedNodes) {
    }

    /** What the link writes to the connection log, and where an alarm tag's changes go. */
    interface Journal {
        void event(java.util.UUID connection, String kind, String detail);

        void alarm(Tag tag, boolean active, Instant sourceTime);
    }

    private final Config config;
    private final ApplicationCertificate application;
    private final ValueSink sink;
    private final Journal journal;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration maxBackoff;
    private final Duration timeout;

    private volatile State state = State.CONNECTING;
    private volatile String message = "connecting";
    private volatile Instant since;
    private volatile String presentedThumbprint;
    private volatile String presentedCertificate;
    private volatile Instant connectedSince;
    private volatile Instant lostAt;
    private volatile boolean closed;
    private volatile OpcUaClient client;
    private volatile Map<String, NodeId> resolved = Map.of();
    private final Map<String, String> refusedNodes = new ConcurrentHashMap<>();
    private final Map<java.util.UUID, Boolean> alarmStates = new ConcurrentHashMap<>();
    private int failures;
    private String lastLogged;
    private ScheduledFuture<?> next;

    Link(Config config, ApplicationCertificate application, ValueSink sink, Journal journal,
         ScheduledExecutorService scheduler, Clock clock, Duration maxBackoff, Duration timeout) {
        this.config = config;
        this.application = application;
        this.sink = sink;
        this.journal = journal;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.since = clock.instant();
    }

    Config config() {
        return config;
    }

    synchronized void start() {
        next = scheduler.schedule(this::attempt, 0, TimeUnit.MILLISECONDS);
    }

    Status status() {
        return new Status(state, message, since, presentedThumbprint, presentedCertificate, connectedSince,
                Map.copyOf(refusedNodes));
    }

    /** Stops for good (the configuration changed, or the server shuts down). */
    synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
        disconnect(client);
        client = null;
        set(State.STOPPED, "stopped");
    }

    /** The node's current value read from the server, for a step that captures it now. */
    DataValue read(String nodeId) throws UaException {
        OpcUaClient current = client;
        NodeId node = resolved.get(nodeId);
        if (current == null || state != State.CONNECTED) {
            throw new UaException(StatusCodes.Bad_NotConnected, "not connected");
        }
        if (node == null) {
            node = ExpandedNodeId.parse(nodeId).toNodeId(current.getNamespaceTable())
                    .orElseThrow(() -> new UaException(StatusCodes.Bad_NodeIdUnknown, "namespace unknown"));
        }
        return current.readValue(0.0, TimestampsToReturn.Both, node);
    }

    private void attempt() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        OpcUaClient made = null;
        try {
            made = OpcUaClient.create(config.endpointUrl(), this::endpoint, transport -> { }, builder -> {
                builder.setApplicationName(LocalizedText.english("OpenEBR"))
                        .setApplicationUri(MdeSettings.APPLICATION_URI)
                        .setProductUri("urn:openebr")
                        .setKeyPair(application.keyPair())
                        .setCertificate(application.certificate())
                        .setCertificateChain(new X509Certificate[] {application.certificate()})
                        .setCertificateValidator(new PinnedCertificateValidator(config.trustedThumbprint()))
                        .setIdentityProvider(identity())
                        .setRequestTimeout(Unsigned.uint((int) timeout.toMillis()))
                        .setKeepAliveInterval(Unsigned.uint(2_000))
                        .setKeepAliveFailuresAllowed(Unsigned.uint(1));
            });
            made.connect();
            synchronized (this) {
                if (closed) {
                    disconnect(made);
                    return;
                }
                client = made;
            }
            OpcUaClient connected = made;
            subscribe(connected);
            connected.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionInactive(UaSession session) {
                    lost(connected);
                }
            });
            failures = 0;
            Instant now = clock.instant();
            String gap = lostAt == null ? "" : "; no machine data from " + lostAt + " to " + now + " (a gap, not filled in)";
            connectedSince = now;
            lostAt = null;
            set(State.CONNECTED, "connected with " + config.policy() + "/" + config.mode() + " as " + who() + "; "
                    + (config.tags().size() - refusedNodes.size()) + " of " + config.tags().size() + " tags subscribed"
                    + gap);
            log("CONNECTED", message);
        } catch (UntrustedCertificate untrusted) {
            disconnect(made);
            retry();
        } catch (Exception e) {
            disconnect(made);
            failed(e);
            retry();
        }
    }

    /** Chooses the endpoint with the configured policy and mode, and checks the server certificate it names. */
    private Optional<EndpointDescription> endpoint(List<EndpointDescription> endpoints) {
        MessageSecurityMode mode = switch (config.mode()) {
            case SignAndEncrypt -> MessageSecurityMode.SignAndEncrypt;
            case Sign -> MessageSecurityMode.Sign;
            case None -> MessageSecurityMode.None;
        };
        Optional<EndpointDescription> chosen = endpoints.stream()
                .filter(e -> config.policy().uri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .findFirst();
        if (chosen.isEmpty()) {
            List<String> offered = new ArrayList<>();
            endpoints.forEach(e -> offered.add(e.getSecurityPolicyUri().replaceAll(".*#", "") + "/" + e.getSecurityMode()));
            throw new Refused("the server offers no endpoint with " + config.policy() + "/" + config.mode()
                    + " (it offers " + String.join(", ", offered) + ")");
        }
        EndpointDescription endpoint = chosen.get();
        if (config.policy() != SecurityPolicy.None) {
            X509Certificate certificate;
            try {
                certificate = CertificateUtil.decodeCertificates(endpoint.getServerCertificate().bytesOrEmpty()).get(0);
            } catch (UaException | RuntimeException e) {
                throw new Refused("the server presents no readable certificate: " + e.getMessage());
            }
            String thumbprint = Certificates.thumbprint(certificate);
            presentedThumbprint = thumbprint;
            presentedCertificate = Certificates.pem(Certificates.der(certificate));
            if (!thumbprint.equals(config.trustedThumbprint())) {
                String text = "the server presents a certificate that is not trusted (" + Certificates.describe(certificate)
                        + (config.trustedThumbprint() == null ? "" : "; trusted is " + config.trustedThumbprint())
                        + "): an administrator compares its thumbprint with the machine's and trusts it";
                set(State.UNTRUSTED_CERTIFICATE, text);
                log("REFUSED", text);
                throw new UntrustedCertificate();
            }
        }
        return Optional.of(EndpointUtil.updateUrl(endpoint, EndpointUtil.getHost(config.endpointUrl()),
                EndpointUtil.getPort(config.endpointUrl())));
    }

    private IdentityProvider identity() {
        return switch (config.identity()) {
            case USERNAME -> new UsernameProvider(config.userName(), config.password());
            case CERTIFICATE -> new X509IdentityProvider(application.certificate(), application.keyPair().getPrivate());
            case ANONYMOUS -> AnonymousProvider.INSTANCE;
        };
    }

    private String who() {
        return switch (config.identity()) {
            case USERNAME -> "user " + config.userName();
            case CERTIFICATE -> "OpenEBR's certificate";
            case ANONYMOUS -> "anonymous";
        };
    }

    private void subscribe(OpcUaClient connected) throws UaException {
        refusedNodes.clear();
        Map<String, NodeId> nodes = new java.util.HashMap<>();
        OpcUaSubscription subscription = new OpcUaSubscription(connected, config.samplingMs());
        subscription.create();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        List<Tag> itemTags = new ArrayList<>();
        for (Tag tag : config.tags()) {
            Optional<NodeId> node;
            try {
                node = ExpandedNodeId.parse(tag.nodeId()).toNodeId(connected.getNamespaceTable());
            } catch (RuntimeException e) {
                node = Optional.empty();
            }
            if (node.isEmpty()) {
                refuseNode(tag, "its namespace is not on the server");
                continue;
            }
            nodes.put(tag.nodeId(), node.get());
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node.get());
            item.setSamplingInterval(config.samplingMs());
            item.setQueueSize(Unsigned.uint(10));
            item.setDiscardOldest(true);
            item.setDataValueListener((it, value) -> {
                sink.offer(tag.tagId(), tag.unitId(), value, clock.instant());
                if (tag.alarm() && value.getStatusCode() != null && value.getStatusCode().isGood()) {
                    alarm(tag, value);
                }
            });
            items.add(item);
            itemTags.add(tag);
        }
        subscription.addMonitoredItems(items);
        try {
            subscription.synchronizeMonitoredItems();
        } catch (Exception partly) {
            // each item's own result says which were refused
        }
        for (int i = 0; i < items.size(); i++) {
            StatusCode result = items.get(i).getCreateResult().orElse(StatusCode.GOOD);
            if (!result.isGood()) {
                refuseNode(itemTags.get(i), "the server refuses it: " + name(result.getValue()));
            }
        }
        resolved = Map.copyOf(nodes);
    }

    /** An alarm tag's value: only a change of state goes on (the recorder also ignores a repeat). */
    private void alarm(Tag tag, DataValue value) {
        Object v = value.getValue() == null ? null : value.getValue().getValue();
        boolean active = v instanceof Boolean b ? b : v instanceof Number n && n.doubleValue() != 0.0;
        Boolean before = alarmStates.put(tag.tagId(), active);
        if (before == null || before != active) {
            journal.alarm(tag, active, value.getSourceTime() == null || value.getSourceTime().isNull() ? null
                    : value.getSourceTime().getJavaInstant());
        }
    }

    private void refuseNode(Tag tag, String why) {
        String text = "node " + tag.nodeId() + " of tag " + tag.tag() + ": " + why;
        refusedNodes.put(tag.tag(), text);
        journal.event(config.id(), "NODE_REFUSED", text);
    }

    private void lost(OpcUaClient which) {
        synchronized (this) {
            if (closed || which != client) {
                return;
            }
            client = null;
        }
        lostAt = clock.instant();
        set(State.LOST, "connection lost at " + lostAt + ": no values until it is back (reconnecting)");
        log("LOST", message);
        scheduler.execute(() -> disconnect(which));
        retry();
    }

    private void failed(Exception e) {
        long code = UaException.extractStatusCode(e).map(StatusCode::getValue).orElse(0L);
        Throwable cause = e instanceof Refused ? e : e.getCause() instanceof Refused ? e.getCause() : null;
        if (cause != null) {
            set(State.REFUSED, cause.getMessage());
        } else if (code == StatusCodes.Bad_UserAccessDenied || code == StatusCodes.Bad_IdentityTokenRejected
                || code == StatusCodes.Bad_IdentityTokenInvalid) {
            set(State.REFUSED, "the server refuses " + who() + " (" + name(code) + "): check the user name and password"
                    + " the machine's administrator gave");
        } else if (code == StatusCodes.Bad_SecurityChecksFailed || code == StatusCodes.Bad_CertificateUntrusted
                || code == StatusCodes.Bad_CertificateUriInvalid) {
            set(State.REFUSED, "the server refuses OpenEBR's certificate (" + name(code) + "): its administrator adds"
                    + " OpenEBR's certificate (GET /api/v1/opcua/client-certificate) to the server's trusted certificates");
        } else {
            String why = code != 0 ? name(code) : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            set(lostAt != null ? State.LOST : State.UNREACHABLE, (lostAt != null ? "connection lost at " + lostAt
                    + "; reconnecting: " : "cannot connect to " + config.endpointUrl() + ": ") + why);
        }
        log("REFUSED", message);
        LOG.log(Level.FINE, "OPC UA connection " + config.name() + " failed", e);
    }

    private synchronized void retry() {
        if (closed) {
            return;
        }
        failures++;
        long delay = Math.min(maxBackoff.toMillis(), 1000L << Math.min(failures - 1, 16));
        next = scheduler.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
    }

    private void set(State newState, String text) {
        if (newState != state) {
            since = clock.instant();
        }
        state = newState;
        message = text;
    }

    /** Logs a line unless it repeats the last one (a server down for a night is one line, not thousands). */
    private void log(String kind, String detail) {
        String line = kind + ":" + detail.replaceAll("\\d{4}-\\d\\d-\\d\\dT[^ ;)]*", "");
        if (line.equals(lastLogged)) {
            return;
        }
        lastLogged = line;
        journal.event(config.id(), kind, detail);
    }

    private static void disconnect(OpcUaClient c) {
        if (c != null) {
            try {
                c.disconnectAsync();
            } catch (RuntimeException ignored) {
                // it is going anyway
            }
        }
    }

    static String name(long code) {
        return StatusCodes.lookup(code).map(n -> n[0]).orElse(String.format("0x%08X", code));
    }

    /** The configuration cannot work as it is (no such endpoint, no readable certificate). */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The server presented a certificate nobody trusted: already logged and shown. */
    static final class UntrustedCertificate extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
