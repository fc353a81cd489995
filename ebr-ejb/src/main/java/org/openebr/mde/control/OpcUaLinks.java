package org.openebr.mde.control;

import org.openebr.platform.boundary.SchemaGate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.openebr.mde.entity.Identity;
import org.openebr.mde.entity.SecurityMode;
import org.openebr.mde.entity.SecurityPolicy;

/**
 * The equipment connections at run time, one {@link Link} each, started with the application and
 * restarted when an administrator changes a connection, trusts its certificate or adds a tag; and the
 * one {@link ValueSink} that writes every process value. The database holds the configuration; this
 * holds only what is live (state, the client, values on their way).
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OpcUaLinks {

    private static final Logger LOG = Logger.getLogger(OpcUaLinks.class.getName());

    /** A connection's live state. */
    public record LinkStatus(String state, String message, java.time.Instant since, String presentedThumbprint,
                             String presentedCertificate, java.time.Instant connectedSince, Map<String, String> refusedNodes) {
    }

    /** A value read now, with what OPC UA says of it. */
    public record Read(Double value, String text, long statusCode, String status, java.time.Instant sourceTime,
                       java.time.Instant serverTime) {
    }

    /** The value sink's counts (for the benchmark and the monitor). */
    public record Figures(long received, long stored, long lost, int queued) {
    }

    @Resource(lookup = "java:jboss/datasources/EbrDS")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    SchemaGate schemaGate;

    @Inject
    ApplicationCertificate application;

    @Inject
    AlarmRecorder alarms;

    @Inject
    Sealer sealer;

    @Inject
    MdeSettings settings;

    @Inject
    Clock clock;

    private final Map<UUID, Link> links = new ConcurrentHashMap<>();
    private final Map<UUID, java.util.concurrent.ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private ValueSink sink;

    @PostConstruct
    void start() {
        org.openebr.trust.control.JcaProviders.offerRsaPssSignatures(); // Aes256_Sha256_RsaPss
        sink = new ValueSink(dataSource, clock);
        threads.newThread(sink).start();
        try {
            application.certificate(); // made now, so that it can be given to the equipment before the first connection
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "OpenEBR's OPC UA certificate is not available: " + e.getMessage(), e);
        }
        if (!schemaGate.allows("OPC UA connections")) {
            return;
        }
        try {
            for (UUID id : connectionIds()) {
                restart(id);
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "OPC UA connections not started: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        links.values().forEach(Link::close);
        links.clear();
        if (sink != null) {
            sink.stop();
        }
        org.openebr.trust.control.JcaProviders.withdraw();
    }

    /**
     * Starts the connection afresh half a second from now: changes that come together (an administrator
     * defining a unit's tags one after another) make one restart, not one each.
     */
    public void restartSoon(UUID connectionId) {
        pending.compute(connectionId, (id, earlier) -> {
            if (earlier != null) {
                earlier.cancel(false);
            }
            return scheduler.schedule(() -> {
                pending.remove(id);
                restart(id);
            }, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        });
    }

    /** Starts the connection afresh with its configuration as it is now in the database. */
    public void restart(UUID connectionId) {
        Link old = links.remove(connectionId);
        if (old != null) {
            old.close();
        }
        try {
            Optional<Link.Config> config = config(connectionId);
            if (config.isEmpty()) {
                return;
            }
            Link.Journal journal = new Link.Journal() {
                @Override
                public void event(UUID connection, String kind, String detail) {
                    OpcUaLinks.this.event(connection, kind, detail);
                }

                @Override
                public void alarm(Link.Tag tag, boolean active, java.time.Instant sourceTime) {
                    try {
                        alarms.changed(tag.tagId(), tag.tag(), tag.unitId(), active, sourceTime);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "equipment alarm " + tag.tag() + " (" + (active ? "active" : "cleared")
                                + ") not recorded: " + e.getMessage(), e);
                    }
                }
            };
            Link link = new Link(config.get(), application, sink, journal, scheduler, clock, settings.maxBackoff(),
                    settings.timeout());
            links.put(connectionId, link);
            link.start();
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "OPC UA connection " + connectionId + " not started: " + e.getMessage(), e);
        }
    }

    public Optional<LinkStatus> status(UUID connectionId) {
        return Optional.ofNullable(links.get(connectionId)).map(Link::status).map(s -> new LinkStatus(s.state().name(),
                s.message(), s.since(), s.presentedThumbprint(), s.presentedCertificate(), s.connectedSince(),
                s.refusedNodes()));
    }

    /** The node's value now, read from the server (a step capturing it). */
    public Read read(UUID connectionId, String nodeId) throws UaException {
        Link link = links.get(connectionId);
        if (link == null) {
            throw new UaException(org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_NotConnected, "not started");
        }
        DataValue value = link.read(nodeId);
        Object v = value.getValue() == null ? null : value.getValue().getValue();
        long code = value.getStatusCode() == null ? 0L : value.getStatusCode().getValue();
        return new Read(v instanceof Number n ? n.doubleValue() : null, v == null || v instanceof Number ? null
                : String.valueOf(v), code, Link.name(code),
                value.getSourceTime() == null || value.getSourceTime().isNull() ? null : value.getSourceTime().getJavaInstant(),
                value.getServerTime() == null || value.getServerTime().isNull() ? null : value.getServerTime().getJavaInstant());
    }

    public Figures figures() {
        ValueSink.Figures f = sink.figures();
        return new Figures(f.received(), f.stored(), f.lost(), f.queued());
    }

    /** The name OPC UA gives a status code (Good, Uncertain_..., Bad_SensorFailure). */
    public static String statusName(long code) {
        return Link.name(code);
    }

    private List<UUID> connectionIds() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM opcua_connection ORDER BY created_at");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private Optional<Link.Config> config(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Link.Config found = null;
            try (PreparedStatement s = c.prepareStatement("SELECT name, endpoint_url, security_policy, security_mode,"
                    + " identity, user_name, password_sealed, sampling_ms, trusted_thumbprint FROM opcua_connection WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String sealed = rs.getString(7);
                    String password = null;
                    if (sealed != null) {
                        try {
                            password = sealer.unseal(sealed);
                        } catch (IllegalStateException e) {
                            LOG.warning("OPC UA connection " + rs.getString(1) + ": " + e.getMessage());
                        }
                    }
                    found = new Link.Config(id, rs.getString(1), rs.getString(2), SecurityPolicy.valueOf(rs.getString(3)),
                            SecurityMode.valueOf(rs.getString(4)), Identity.valueOf(rs.getString(5)), rs.getString(6),
                            password, rs.getInt(8), rs.getString(9), new ArrayList<>());
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id, tag, node_id, unit_id, kind FROM equipment_tag WHERE"
                    + " connection_id = ? ORDER BY created_at")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.tags().add(new Link.Tag(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getObject(4, UUID.class), "ALARM".equals(rs.getString(5))));
                    }
                }
            }
            return Optional.of(found);
        }
    }

    /** A line of the connection log, written at once (its own autocommit statement). */
    private void event(UUID connection, String kind, String detail) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO opcua_connection_event (connection_id, at, kind, detail)"
                     + " VALUES (?, ?, ?, ?)")) {
            s.setObject(1, connection);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.setString(3, kind);
            s.setString(4, detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "OPC UA connection log not written: " + kind + " " + detail, e);
        }
    }
}
