package org.openebr.signature.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.openebr.signature.boundary.Meaning;

/**
 * One electronic signature: who (immutable account id, user name, printed name), in which role,
 * with which meaning, when (server time, site zone), over exactly which content (the canonical
 * JSON of the record version and these facts), with the detached CMS signature, the signature
 * value and the RFC 3161 time stamp over that value. Immutable: the runtime database role can
 * neither update nor delete it.
 */
@Entity
@Audited
@Table(name = "electronic_signature")
public class ElectronicSignature {

    @Id
    private UUID id;

    @Column(name = "record_type", nullable = false, updatable = false)
    private String recordType;

    @Column(name = "record_id", nullable = false, updatable = false)
    private String recordId;

    @Column(name = "record_sha256", nullable = false, updatable = false)
    private String recordSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Meaning meaning;

    @Column(name = "signer_account_id", nullable = false, updatable = false)
    private UUID signerAccountId;

    @Column(name = "signer_user_name", nullable = false, updatable = false)
    private String signerUserName;

    @Column(name = "signer_full_name", nullable = false, updatable = false)
    private String signerFullName;

    @Column(name = "signer_role", nullable = false, updatable = false)
    private String signerRole;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    @Column(name = "site_zone", nullable = false, updatable = false)
    private String siteZone;

    @Column(name = "credential_id", nullable = false, updatable = false)
    private UUID credentialId;

    @Column(name = "content_sha256", nullable = false, updatable = false)
    private String contentSha256;

    @NotAudited
    @Column(name = "signed_content", nullable = false, updatable = false)
    private byte[] signedContent;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private byte[] cms;

    @NotAudited
    @Column(name = "signature_value", nullable = false, updatable = false)
    private byte[] signatureValue;

    @NotAudited
    @Column(name = "time_stamp", nullable = false, updatable = false)
    private byte[] timeStamp;

    protected ElectronicSignature() {
    }

    /** The facts of a signature, before the cryptography. */
    public record Facts(UUID id, String recordType, String recordId, String recordSha256, Meaning meaning,
                        UUID signerAccountId, String signerUserName, String signerFullName, String signerRole,
                        Instant signedAt, String siteZone, UUID credentialId) {
    }

    public ElectronicSignature(Facts facts, String contentSha256, byte[] signedContent, byte[] cms, byte[] signatureValue,
                               byte[] timeStamp) {
        this.id = facts.id();
        this.recordType = facts.recordType();
        this.recordId = facts.recordId();
        this.recordSha256 = facts.recordSha256();
        this.meaning = facts.meaning();
        this.signerAccountId = facts.signerAccountId();
        this.signerUserName = facts.signerUserName();
        this.signerFullName = facts.signerFullName();
        this.signerRole = facts.signerRole();
        this.signedAt = facts.signedAt();
        this.siteZone = facts.siteZone();
        this.credentialId = facts.credentialId();
        this.contentSha256 = Objects.requireNonNull(contentSha256);
        this.signedContent = signedContent.clone();
        this.cms = cms.clone();
        this.signatureValue = signatureValue.clone();
        this.timeStamp = timeStamp.clone();
    }

    public Facts facts() {
        return new Facts(id, recordType, recordId, recordSha256, meaning, signerAccountId, signerUserName, signerFullName,
                signerRole, signedAt, siteZone, credentialId);
    }

    public UUID id() { return id; }
    public String recordType() { return recordType; }
    public String recordId() { return recordId; }
    public Meaning meaning() { return meaning; }
    public String signerUserName() { return signerUserName; }
    public UUID signerAccountId() { return signerAccountId; }
    public String contentSha256() { return contentSha256; }
    public byte[] signedContent() { return signedContent.clone(); }
    public byte[] cms() { return cms.clone(); }
    public byte[] signatureValue() { return signatureValue.clone(); }
    public byte[] timeStamp() { return timeStamp.clone(); }
}
