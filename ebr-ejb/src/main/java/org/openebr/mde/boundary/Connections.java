package org.openebr.mde.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openebr.mde.control.ApplicationCertificate;
import org.openebr.mde.control.Certificates;
import org.openebr.mde.control.MdeSettings;
import org.openebr.mde.control.MdeStore;
import org.openebr.mde.control.OpcUaLinks;
import org.openebr.mde.control.Sealer;
import org.openebr.mde.entity.ConnectionEvent;
import org.openebr.mde.entity.EquipmentTag;
import org.openebr.mde.entity.Identity;
import org.openebr.mde.entity.OpcUaConnection;
import org.openebr.mde.entity.SecurityMode;
import org.openebr.mde.entity.SecurityPolicy;
import org.openebr.platform.control.ChangeContext;

/**
 * The equipment connections as administrators configure them (21 CFR 11.10(h); Annex 11 §5; draft §15):
 * endpoint, security policy and mode, identity, sampling; the explicit decision to trust the server
 * certificate a connection presents (compared by its thumbprint); the equipment's tags; and each
 * connection's live state and log, which supervisors see too.
 */
@Stateless
@RolesAllowed({"ADMIN", "SUPERVISOR"})
public class Connections {

    /** A connection as an administrator asks for it. */
    public record NewConnection(String name, String endpointUrl, String securityPolicy, String securityMode,
                                String identity, String userName, String password, Integer samplingMs) {
    }

    /** A tag of an equipment unit as the equipment master defines it. */
    public record NewTag(String equipmentId, String tag, String nodeId, String engineeringUnit, BigDecimal rangeLow,
                         BigDecimal rangeHigh, Integer maxUnchangedSeconds, String kind) {
    }

    public record TagFacts(UUID id, String equipmentId, String tag, String kind, String nodeId, String engineeringUnit,
                           BigDecimal rangeLow, BigDecimal rangeHigh, Integer maxUnchangedSeconds, String refused,
                           Instant createdAt, String createdBy) {
    }

    public record EventFacts(Instant at, String kind, String detail) {
    }

    /**
     * A connection with its live state: CONNECTING, CONNECTED, LOST, UNTRUSTED_CERTIFICATE, REFUSED,
     * UNREACHABLE or STOPPED, what it means, since when; the certificate the server presents and the one
     * trusted; its tags.
     */
    public record ConnectionFacts(UUID id, String name, String endpointUrl, String securityPolicy, String securityMode,
                                  String identity, String userName, int samplingMs, String state, String message,
                                  Instant stateSince, Instant connectedSince, String serverCertificateThumbprint,
                                  String serverCertificate, String trustedThumbprint, String trustedBy, Instant trustedAt,
                                  String trustReason, List<TagFacts> tags, Instant createdAt, String createdBy) {
    }

    /**
     * What the value sink did since the server started: values delivered by the subscriptions, written to
     * process_value, lost to a full queue, waiting now.
     */
    public record ValueFigures(long received, long stored, long lost, int queued) {
    }

    @Inject
    MdeStore store;

    @Inject
    OpcUaLinks links;

    @Inject
    Sealer sealer;

    @Inject
    MdeSettings settings;

    @Inject
    ApplicationCertificate application;

    @Inject
    ChangeContext change;

    @Inject
    Event<ConnectionChanged> changed;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public List<ConnectionFacts> connections() {
        return store.connections().stream().map(this::facts).toList();
    }

    public ConnectionFacts connection(UUID id) {
        return facts(existing(id));
    }

    public List<EventFacts> log(UUID id, int limit) {
        existing(id);
        return store.events(id, Math.max(1, Math.min(limit, 500))).stream()
                .map(e -> new EventFacts(e.at(), e.kind().name(), e.detail())).toList();
    }

    public ValueFigures figures() {
        OpcUaLinks.Figures f = links.figures();
        return new ValueFigures(f.received(), f.stored(), f.lost(), f.queued());
    }

    /** OpenEBR's OPC UA application certificate (PEM), for the equipment's list of trusted clients. */
    public String clientCertificate() {
        return Certificates.pem(Certificates.der(application.certificate()));
    }

    @RolesAllowed("ADMIN")
    public ConnectionFacts create(NewConnection c) {
        if (c == null) {
            throw invalid("A connection needs name, endpointUrl, securityPolicy, securityMode and identity.", "name",
                    "is required");
        }
        String name = required(c.name(), "name", 64);
        String url = required(c.endpointUrl(), "endpointUrl", 300);
        try {
            URI uri = URI.create(url);
            if (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("scheme");
            }
        } catch (IllegalArgumentException e) {
            throw invalid("'" + url + "' is not an OPC UA endpoint URL (opc.tcp://host:port/path).", "endpointUrl",
                    "an opc.tcp:// URL");
        }
        SecurityPolicy policy = choice(SecurityPolicy.class, c.securityPolicy(), "securityPolicy");
        SecurityMode mode = choice(SecurityMode.class, c.securityMode(), "securityMode");
        if ((policy == SecurityPolicy.None) != (mode == SecurityMode.None)) {
            throw invalid("Security policy " + policy + " and mode " + mode + " do not go together: None with None, a"
                    + " policy with Sign or SignAndEncrypt.", "securityMode", "None exactly when the policy is None");
        }
        if (policy == SecurityPolicy.None && !settings.allowNone()) {
            throw new MdeRefused(MdeRefused.Reason.SECURITY_NONE, "Security policy None sends machine data unsigned and"
                    + " unencrypted; it is allowed only for development servers (EBR_OPCUA_ALLOW_NONE=true). Use"
                    + " Basic256Sha256 or Aes256_Sha256_RsaPss with SignAndEncrypt.", "securityPolicy",
                    "Basic256Sha256 or Aes256_Sha256_RsaPss");
        }
        Identity identity = choice(Identity.class, c.identity(), "identity");
        if (identity == Identity.ANONYMOUS && !settings.allowNone()) {
            throw new MdeRefused(MdeRefused.Reason.SECURITY_NONE, "An anonymous session is allowed only for development"
                    + " servers (EBR_OPCUA_ALLOW_NONE=true); use a user name or OpenEBR's certificate.", "identity",
                    "USERNAME or CERTIFICATE");
        }
        String user = null;
        String sealed = null;
        if (identity == Identity.USERNAME) {
            user = required(c.userName(), "userName", 64);
            if (c.password() == null || c.password().isEmpty()) {
                throw invalid("A user-name identity needs the password the machine's administrator gave.", "password",
                        "is required");
            }
            sealed = sealer.seal(c.password());
        } else if (c.userName() != null || c.password() != null) {
            throw invalid("userName and password belong to identity USERNAME only.", "identity", "USERNAME");
        }
        int sampling = c.samplingMs() == null ? 1000 : c.samplingMs();
        if (sampling < 50 || sampling > 3_600_000) {
            throw invalid("samplingMs " + sampling + " is out of range (50 ms to one hour).", "samplingMs",
                    "50 to 3600000");
        }
        if (store.connectionNamed(name)) {
            throw new MdeRefused(MdeRefused.Reason.EXISTS, "A connection named '" + name + "' exists already.");
        }
        Instant now = clock.instant();
        String by = session.getCallerPrincipal().getName();
        change.describeIfUnset("Configure OPC UA connection " + name);
        OpcUaConnection connection = new OpcUaConnection(new OpcUaConnection.Settings(name, url, policy, mode, identity, user,
                sampling), sealed, by, now);
        store.persist(connection);
        store.persist(new ConnectionEvent(connection.id(), now, ConnectionEvent.Kind.CONFIGURED, "configured by " + by
                + ": " + url + " with " + policy + "/" + mode + ", identity " + identity + ", sampling " + sampling + " ms"));
        store.flush();
        changed.fire(new ConnectionChanged(connection.id()));
        return facts(connection);
    }

    /**
     * An administrator trusts the certificate the server presents now, after comparing its thumbprint with
     * the one the machine shows (or its supplier documents): the thumbprint sent must be that one.
     */
    @RolesAllowed("ADMIN")
    public ConnectionFacts trust(UUID id, String thumbprint, String reason) {
        OpcUaConnection connection = store.connectionLocked(id).orElseThrow(() -> notFound(id));
        if (reason == null || reason.isBlank()) {
            throw invalid("Say why the certificate is trusted (e.g. thumbprint compared with the machine's display).",
                    "reason", "is required");
        }
        OpcUaLinks.LinkStatus status = links.status(id).orElse(null);
        String presented = status == null ? null : status.presentedThumbprint();
        if (presented == null) {
            throw new MdeRefused(MdeRefused.Reason.THUMBPRINT, "Connection '" + connection.name() + "' has not received a"
                    + " server certificate yet (" + (status == null ? "not started" : status.message()) + "); try again"
                    + " when the server answers.");
        }
        String wanted = thumbprint == null ? "" : thumbprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals(presented)) {
            throw new MdeRefused(MdeRefused.Reason.THUMBPRINT, "The server presents the certificate with thumbprint "
                    + presented + ", not " + (wanted.isEmpty() ? "(none given)" : wanted) + ": compare again with the"
                    + " machine before trusting it.", "thumbprint", presented);
        }
        Instant now = clock.instant();
        String by = session.getCallerPrincipal().getName();
        change.record("Trust the server certificate of OPC UA connection " + connection.name(), reason.strip());
        connection.trust(presented, status.presentedCertificate(), reason.strip(), by, now);
        store.persist(new ConnectionEvent(id, now, ConnectionEvent.Kind.TRUSTED, "server certificate " + presented
                + " trusted by " + by + ": " + reason.strip()));
        store.flush();
        changed.fire(new ConnectionChanged(id));
        return facts(connection);
    }

    /** A tag of an equipment unit, read from a node of this connection. */
    @RolesAllowed("ADMIN")
    public TagFacts defineTag(UUID connectionId, NewTag t) {
        OpcUaConnection connection = existing(connectionId);
        if (t == null) {
            throw new MdeRefused(MdeRefused.Reason.TAG_INVALID, "A tag needs equipmentId, tag and nodeId.", "tag",
                    "is required");
        }
        String equipmentId = required(t.equipmentId(), "equipmentId", 32);
        MdeStore.Unit unit = store.unit(equipmentId).orElseThrow(() -> new MdeRefused(MdeRefused.Reason.TAG_INVALID,
                "There is no equipment unit '" + equipmentId + "'.", "equipmentId", "an equipment id of the master"));
        String tag = required(t.tag(), "tag", 64);
        String nodeId = required(t.nodeId(), "nodeId", 300);
        if (!nodeId.matches("(nsu=[^;]+;|ns=\\d+;)?[isgb]=.+")) {
            throw new MdeRefused(MdeRefused.Reason.TAG_INVALID, "'" + nodeId + "' is not an OPC UA node id (e.g."
                    + " nsu=urn:openebr:sim;s=V-101.Temperature or ns=2;s=V-101.Temperature).", "nodeId", "a node id");
        }
        if (t.rangeLow() != null && t.rangeHigh() != null && t.rangeLow().compareTo(t.rangeHigh()) >= 0) {
            throw new MdeRefused(MdeRefused.Reason.TAG_INVALID, "The instrument range " + t.rangeLow() + " to "
                    + t.rangeHigh() + " is empty.", "rangeHigh", "above rangeLow");
        }
        if (t.maxUnchangedSeconds() != null && t.maxUnchangedSeconds() < 1) {
            throw new MdeRefused(MdeRefused.Reason.TAG_INVALID, "maxUnchangedSeconds must be at least 1.",
                    "maxUnchangedSeconds", ">= 1");
        }
        String kind = t.kind() == null || t.kind().isBlank() ? "VALUE" : t.kind().strip().toUpperCase(Locale.ROOT);
        if (!kind.equals("VALUE") && !kind.equals("ALARM")) {
            throw new MdeRefused(MdeRefused.Reason.TAG_INVALID, "kind '" + t.kind() + "' is neither VALUE (a measured"
                    + " value) nor ALARM (a Boolean the machine sets while an alarm is active).", "kind", "VALUE or ALARM");
        }
        if (store.tagDefined(unit.id(), tag)) {
            throw new MdeRefused(MdeRefused.Reason.TAG_EXISTS, unit.equipmentId() + " has a tag '" + tag + "' already.");
        }
        Instant now = clock.instant();
        String by = session.getCallerPrincipal().getName();
        change.describeIfUnset("Define tag " + tag + " of " + unit.equipmentId());
        EquipmentTag made = new EquipmentTag(unit.id(), connection.id(), new EquipmentTag.Definition(tag, nodeId,
                t.engineeringUnit() == null || t.engineeringUnit().isBlank() ? null : t.engineeringUnit().strip(),
                t.rangeLow(), t.rangeHigh(), t.maxUnchangedSeconds(), kind), by, now);
        store.persist(made);
        store.flush();
        changed.fire(new ConnectionChanged(connection.id()));
        return tagFacts(made, unit.equipmentId(), Map.of());
    }

    private ConnectionFacts facts(OpcUaConnection c) {
        OpcUaLinks.LinkStatus s = links.status(c.id()).orElse(null);
        Map<String, String> refused = s == null ? Map.of() : s.refusedNodes();
        List<TagFacts> tags = store.tagsOf(c.id()).stream().map(t -> tagFacts(t, store.unitById(t.unitId())
                .map(MdeStore.Unit::equipmentId).orElse("?"), refused)).toList();
        return new ConnectionFacts(c.id(), c.name(), c.endpointUrl(), c.securityPolicy().name(), c.securityMode().name(),
                c.identity().name(), c.userName(), c.samplingMs(), s == null ? "STARTING" : s.state(),
                s == null ? "starting" : s.message(), s == null ? null : s.since(), s == null ? null : s.connectedSince(),
                s == null ? null : s.presentedThumbprint(), s == null ? null : s.presentedCertificate(),
                c.trustedThumbprint(), c.trustedBy(), c.trustedAt(), c.trustReason(), tags, c.createdAt(), c.createdBy());
    }

    private static TagFacts tagFacts(EquipmentTag t, String equipmentId, Map<String, String> refused) {
        return new TagFacts(t.id(), equipmentId, t.tag(), t.kind(), t.nodeId(), t.engineeringUnit(), t.rangeLow(), t.rangeHigh(),
                t.maxUnchangedSeconds(), refused.get(t.tag()), t.createdAt(), t.createdBy());
    }

    private OpcUaConnection existing(UUID id) {
        return store.connection(id).orElseThrow(() -> notFound(id));
    }

    private static MdeRefused notFound(UUID id) {
        return new MdeRefused(MdeRefused.Reason.NOT_FOUND, "There is no OPC UA connection " + id + ".");
    }

    private static MdeRefused invalid(String message, String field, String expected) {
        return new MdeRefused(MdeRefused.Reason.INVALID, message, field, expected);
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required.", field, "is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw invalid(field + " is longer than " + max + " characters.", field, "at most " + max + " characters");
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        for (E e : type.getEnumConstants()) {
            if (value != null && e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw invalid(field + " '" + (value == null ? "" : value) + "' is not one of " + names + ".", field,
                "one of " + names);
    }
}
