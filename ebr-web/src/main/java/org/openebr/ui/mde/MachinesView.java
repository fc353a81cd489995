package org.openebr.ui.mde;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openebr.mde.boundary.Connections;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * The equipment connections for administrators and supervisors: each connection's state in words and since
 * when, the certificate its server presents beside the one trusted, its tags (a node the server refuses
 * shown at the tag), its log with the gaps; administrators trust a presented certificate after comparing
 * its thumbprint, and configure new connections.
 */
@Named("machines")
@ViewScoped
public class MachinesView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form of a new connection. */
    public static final class Draft implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String endpointUrl = "opc.tcp://";
        private String securityPolicy = "Basic256Sha256";
        private String securityMode = "SignAndEncrypt";
        private String identity = "USERNAME";
        private String userName;
        private String password;
        private Integer samplingMs = 1000;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEndpointUrl() { return endpointUrl; }
        public void setEndpointUrl(String endpointUrl) { this.endpointUrl = endpointUrl; }
        public String getSecurityPolicy() { return securityPolicy; }
        public void setSecurityPolicy(String securityPolicy) { this.securityPolicy = securityPolicy; }
        public String getSecurityMode() { return securityMode; }
        public void setSecurityMode(String securityMode) { this.securityMode = securityMode; }
        public String getIdentity() { return identity; }
        public void setIdentity(String identity) { this.identity = identity; }
        public String getUserName() { return userName; }
        public void setUserName(String userName) { this.userName = userName; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public Integer getSamplingMs() { return samplingMs; }
        public void setSamplingMs(Integer samplingMs) { this.samplingMs = samplingMs; }
    }

    @Inject
    Connections connections;

    @Inject
    Commands commands;

    private List<Connections.ConnectionFacts> shown = List.of();
    private final Map<String, List<Connections.EventFacts>> logs = new HashMap<>();
    private final Map<String, String> thumbprints = new HashMap<>();
    private final Map<String, String> reasons = new HashMap<>();
    private Draft draft = new Draft();

    public void load() {
        List<Connections.ConnectionFacts> found = commands.attempt("open the equipment connections")
                .notAllowed("Only administrators and supervisors see the equipment connections.")
                .call(connections::connections);
        shown = found == null ? List.of() : found;
        logs.clear();
    }

    /** The newest lines of a connection's log. */
    public List<Connections.EventFacts> log(UUID id) {
        return logs.computeIfAbsent(id.toString(), key -> {
            List<Connections.EventFacts> lines = commands.attempt("read the connection log").call(() -> connections.log(id, 8));
            return lines == null ? List.of() : lines;
        });
    }

    /** Trusts the certificate the connection's server presents, with the thumbprint as compared and the reason. */
    public void trust() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("connection");
        String thumbprint = thumbprints.get(id);
        String reason = reasons.get(id);
        if (thumbprint == null || thumbprint.isBlank() || reason == null || reason.isBlank()) {
            Messages.error("Type the thumbprint the machine shows (its certificate's SHA-1), and say how you compared it.",
                    null);
            return;
        }
        Connections.ConnectionFacts done = commands.attempt("trust the server certificate of connection " + id)
                .notAllowed("Only an administrator trusts a server certificate.")
                .call(() -> connections.trust(UUID.fromString(id), thumbprint, reason));
        if (done != null) {
            thumbprints.remove(id);
            reasons.remove(id);
            Messages.info("The certificate " + done.trustedThumbprint() + " of '" + done.name() + "' is trusted; the"
                    + " connection starts again with it.", null);
            load();
        }
    }

    /** A new connection as typed in the form. */
    public void create() {
        Draft d = draft;
        boolean user = "USERNAME".equals(d.getIdentity());
        Connections.ConnectionFacts made = commands.attempt("configure an equipment connection")
                .notAllowed("Only an administrator configures equipment connections.")
                .call(() -> connections.create(new Connections.NewConnection(d.getName(), d.getEndpointUrl(),
                        d.getSecurityPolicy(), d.getSecurityMode(), d.getIdentity(), user ? d.getUserName() : null,
                        user ? d.getPassword() : null, d.getSamplingMs())));
        if (made != null) {
            draft = new Draft();
            Messages.info("Connection '" + made.name() + "' is configured. It connects once you trust the certificate"
                    + " its server presents.", null);
            load();
        }
    }

    /** The tone of a state for the status badge. */
    public String tone(String state) {
        return switch (state) {
            case "CONNECTED" -> "CONNECTION_UP";
            case "CONNECTING", "STARTING" -> "CONNECTION_WAIT";
            default -> "CONNECTION_DOWN";
        };
    }

    /** A state in words. */
    public String words(String state) {
        return switch (state) {
            case "CONNECTED" -> "Connected";
            case "CONNECTING", "STARTING" -> "Connecting";
            case "LOST" -> "Connection lost";
            case "UNTRUSTED_CERTIFICATE" -> "Certificate not trusted";
            case "REFUSED" -> "Refused";
            case "UNREACHABLE" -> "Unreachable";
            default -> state;
        };
    }

    /** A thumbprint in pairs, as machines and certificate viewers show it. */
    public String pairs(String thumbprint) {
        if (thumbprint == null) {
            return "-";
        }
        return String.join(":", thumbprint.toUpperCase(java.util.Locale.ROOT).split("(?<=\\G..)"));
    }

    public String range(Connections.TagFacts t) {
        if (t.rangeLow() == null && t.rangeHigh() == null) {
            return "-";
        }
        return (t.rangeLow() == null ? "" : t.rangeLow().stripTrailingZeros().toPlainString()) + " to "
                + (t.rangeHigh() == null ? "" : t.rangeHigh().stripTrailingZeros().toPlainString())
                + (t.engineeringUnit() == null ? "" : " " + t.engineeringUnit());
    }

    public List<Connections.ConnectionFacts> getShown() {
        return shown;
    }

    public Map<String, String> getThumbprints() {
        return thumbprints;
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public Draft getDraft() {
        return draft;
    }
}
