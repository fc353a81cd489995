package org.openebr.ui.signature;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openebr.identity.boundary.Accounts;
import org.openebr.signature.boundary.SignatureRefused;
import org.openebr.signature.boundary.SigningCredentials;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * A person's signing credentials (ADMIN, {@code app/admin/credentials.xhtml?user=}): the
 * certificates with their validity and revocations, and the form where another administrator
 * records how the person's identity was verified, which issues or renews the certificate
 * (21 CFR 11.100(b)).
 */
@Named("credentials")
@ViewScoped
public class CredentialsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The method field; a rule about the method is shown next to it. */
    static final String METHOD_FIELD = "verification-method";

    @Inject
    SigningCredentials signingCredentials;

    @Inject
    Accounts accounts;

    @Inject
    Commands commands;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    private String user;
    private Accounts.AccountDetails account;
    private List<SigningCredentials.CredentialDetails> certificates = List.of();
    private String method;
    private Instant now;

    /** After {@code ?user=} was read. */
    public void load() {
        now = clock.instant();
        account = commands.attempt("read an account (signing credentials screen)")
                .call(() -> accounts.find(user == null ? "" : user.strip()));
        if (account != null) {
            certificates = commands.attempt("read signing credentials (signing credentials screen)")
                    .call(() -> signingCredentials.credentialsOf(account.userName()));
            if (certificates == null) {
                certificates = List.of();
            }
        }
    }

    public void verify() {
        List<String> before = certificates.stream().filter(this::active).map(SigningCredentials.CredentialDetails::serial).toList();
        SigningCredentials.CredentialDetails issued = commands.attempt("record identity verification (signing credentials screen)")
                .refused(rule -> {
                    // a method missing or too long is said at the field; any other rule at the button
                    if (rule.refusal() == SignatureRefused.Reason.INCOMPLETE) {
                        FacesContext faces = FacesContext.getCurrentInstance();
                        // p:message shows the detail: the rule's words are both
                        faces.addMessage(METHOD_FIELD, new FacesMessage(FacesMessage.SEVERITY_ERROR, rule.getMessage(),
                                rule.getMessage()));
                        faces.validationFailed();
                    } else {
                        Messages.error(rule.getMessage(), null);
                    }
                })
                .call(() -> signingCredentials.recordIdentityVerification(account.userName(), method));
        if (issued == null) {
            return;
        }
        method = null;
        load();
        if (before.contains(issued.serial())) {
            Messages.info("Identity verification recorded.", "The signing certificate " + issued.serial()
                    + " stays valid; a verification renews it only when it expires within 30 days or names another name.");
        } else {
            Messages.info("Identity verification recorded; signing certificate " + issued.serial() + " issued to "
                    + account.fullName() + ".", "Next, " + account.userName() + " signs the signature-accountability"
                    + " statement on My signature; then they can sign.");
        }
    }

    /** Active, expired or revoked, as the status badge shows it. */
    public String status(SigningCredentials.CredentialDetails certificate) {
        if (certificate.revokedAt() != null) {
            return "REVOKED";
        }
        return active(certificate) ? "ACTIVE" : "EXPIRED";
    }

    public String statusLabel(SigningCredentials.CredentialDetails certificate) {
        return switch (status(certificate)) {
            case "ACTIVE" -> "Active";
            case "REVOKED" -> "Revoked";
            default -> "Expired";
        };
    }

    private boolean active(SigningCredentials.CredentialDetails certificate) {
        return certificate.revokedAt() == null && (certificate.validUntil() == null || certificate.validUntil().isAfter(now));
    }

    /** The person has a certificate they can sign with now. */
    public boolean isCanSign() {
        return certificates.stream().anyMatch(this::active);
    }

    /** Nobody records their own identity verification: the screen says so instead of offering the form. */
    public boolean isOwn() {
        return account != null && account.userName().equalsIgnoreCase(external.getRemoteUser());
    }

    /** Only active personal accounts get signing credentials (the rule, said before anyone types). */
    public boolean isEligible() {
        return account != null && !account.technical() && !"DEACTIVATED".equals(account.status());
    }

    /** The method of the latest identity verification, if any. */
    public String getLastMethod() {
        return certificates.stream().map(SigningCredentials.CredentialDetails::verificationMethod)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    public String getUser() { return user; }
    public void setUser(String v) { user = v; }
    public Accounts.AccountDetails getAccount() { return account; }
    public List<SigningCredentials.CredentialDetails> getCertificates() { return certificates; }
    public String getMethod() { return method; }
    public void setMethod(String v) { method = v; }
}
