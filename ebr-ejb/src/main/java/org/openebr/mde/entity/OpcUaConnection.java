package org.openebr.mde.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * An OPC UA server OpenEBR reads machine data from. Which server certificate it trusts is an
 * administrator's explicit decision (thumbprint and certificate, who, when and why); until then, and
 * whenever the server presents another certificate, the connection is refused. Every change is in the
 * audit trail; a password is kept only sealed.
 */
@Entity
@Audited
@Table(name = "opcua_connection")
public class OpcUaConnection {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "endpoint_url", nullable = false)
    private String endpointUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "security_policy", nullable = false)
    private SecurityPolicy securityPolicy;

    @Enumerated(EnumType.STRING)
    @Column(name = "security_mode", nullable = false)
    private SecurityMode securityMode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Identity identity;

    @Column(name = "user_name")
    private String userName;

    @Column(name = "password_sealed")
    private String passwordSealed;

    @Column(name = "sampling_ms", nullable = false)
    private int samplingMs;

    @Column(name = "trusted_thumbprint")
    private String trustedThumbprint;

    @Column(name = "trusted_certificate")
    private String trustedCertificate;

    @Column(name = "trusted_by")
    private String trustedBy;

    @Column(name = "trusted_at")
    private Instant trustedAt;

    @Column(name = "trust_reason")
    private String trustReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected OpcUaConnection() {
    }

    /** What an administrator configures. */
    public record Settings(String name, String endpointUrl, SecurityPolicy securityPolicy, SecurityMode securityMode,
                           Identity identity, String userName, int samplingMs) {
    }

    public OpcUaConnection(Settings s, String passwordSealed, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.name = s.name();
        this.endpointUrl = s.endpointUrl();
        this.securityPolicy = s.securityPolicy();
        this.securityMode = s.securityMode();
        this.identity = s.identity();
        this.userName = s.userName();
        this.passwordSealed = passwordSealed;
        this.samplingMs = s.samplingMs();
        this.createdAt = at;
        this.createdBy = by;
    }

    /** An administrator's decision to trust the certificate the server presents. */
    public void trust(String thumbprint, String certificatePem, String reason, String by, Instant at) {
        this.trustedThumbprint = thumbprint;
        this.trustedCertificate = certificatePem;
        this.trustReason = reason;
        this.trustedBy = by;
        this.trustedAt = at;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    public SecurityPolicy securityPolicy() {
        return securityPolicy;
    }

    public SecurityMode securityMode() {
        return securityMode;
    }

    public Identity identity() {
        return identity;
    }

    public String userName() {
        return userName;
    }

    public String passwordSealed() {
        return passwordSealed;
    }

    public int samplingMs() {
        return samplingMs;
    }

    public String trustedThumbprint() {
        return trustedThumbprint;
    }

    public String trustedCertificate() {
        return trustedCertificate;
    }

    public String trustedBy() {
        return trustedBy;
    }

    public Instant trustedAt() {
        return trustedAt;
    }

    public String trustReason() {
        return trustReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
