package org.openebr.ui.signature;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openebr.platform.boundary.DomainException;
import org.openebr.signature.boundary.Signatures;
import org.openebr.ui.Commands;
import org.openebr.ui.Messages;

/**
 * Backs the signature dialog ({@code <ebr:signature>}, resources/ebr/signature.xhtml) that every
 * screen uses to demand a signature: it shows exactly what is signed and with which meaning, asks
 * for user id and password (password only, later in a continuous session), carries a fresh
 * one-time nonce, and hands everything to the signing ceremony on the server.
 */
@Named("signatureDialog")
@ViewScoped
public class SignatureDialogView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Signatures signatures;

    @Inject
    SigningSession session;

    @Inject
    Commands commands;

    @Inject
    jakarta.faces.context.ExternalContext external;

    private String recordType;
    private String recordId;
    private String meaning;
    private String summary;
    private String userName;
    private String password;
    private String nonce;
    private String seen;
    private Signatures.Manifestation signed;
    private Signatures.Readiness readiness;

    public void open(String recordType, String recordId, String meaning, String summary) {
        this.recordType = recordType;
        this.recordId = recordId;
        this.meaning = meaning;
        this.summary = summary;
        this.userName = null;
        this.password = null;
        this.signed = null;
        // a dead end (no certificate, statement not signed) is named, with where it is resolved, before a password is asked
        this.readiness = signatures.readiness();
        this.nonce = signatures.issueNonce().nonce();
        try {
            // what the signer is shown now is what they sign: a record changed meanwhile is refused
            this.seen = signatures.recordSha256(recordType, recordId);
        } catch (DomainException | jakarta.ejb.EJBException unreadable) {
            this.seen = null; // no such record, or not for this user: signing will say so
        }
    }

    public boolean isUserIdRequired() {
        return !session.continuous(external.getRemoteUser());
    }

    public void sign() {
        boolean withUserId = isUserIdRequired();
        Signatures.Manifestation made;
        try {
            // refused: the ceremony's refusals, and a record type's rules on what signing does
            made = commands.attempt("sign " + recordType + " " + recordId + " as " + meaning + " (signature dialog)")
                    .refused(this::sayInDialog)
                    .failed("The signature could not be made; nothing was signed. The server log has the details.")
                    .call(() -> signatures.sign(new Signatures.SignRequest(recordType, recordId, meaning, null,
                            withUserId ? userName : null, password == null ? new char[0] : password.toCharArray(), nonce,
                            !withUserId, seen)));
        } finally {
            password = null;
        }
        if (made == null) {
            nonce = signatures.issueNonce().nonce();
            readiness = signatures.readiness(); // e.g. the certificate was revoked meanwhile: show the way out
            return;
        }
        signed = made;
        if (withUserId) {
            session.signedWithUserId(external.getRemoteUser());
        }
        Messages.info("Signed: " + signed.meaning() + " by " + signed.printedName() + " (" + signed.userName() + ") at "
                + signed.signedAtSite(), null);
    }

    /** A refusal is said in the dialog (its message area is keyed to the dialog), where the signer looks. */
    private void sayInDialog(DomainException rule) {
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent dialog = UIComponent.getCompositeComponentParent(UIComponent.getCurrentComponent(context));
        context.addMessage(dialog == null ? null : dialog.getClientId(context),
                new FacesMessage(FacesMessage.SEVERITY_ERROR, rule.getMessage(), ""));
        context.validationFailed();
    }

    /** The signer has no signing certificate: an administrator (another one, for an administrator) must verify them. */
    public boolean isNeedsCertificate() {
        return readiness != null && !readiness.certificate();
    }

    /** Any signature but the statement's own needs the statement signed first (on My signature). */
    public boolean isNeedsStatement() {
        return readiness != null && !readiness.statementSigned()
                && !org.openebr.signature.boundary.AccountabilityStatement.RECORD_TYPE.equals(recordType);
    }

    /** Nothing stands in the way but the password: the dialog asks for it. */
    public boolean isReady() {
        return !isNeedsCertificate() && !isNeedsStatement();
    }

    public boolean isSignerAdministrator() {
        return external.isUserInRole("ADMIN");
    }

    public boolean isSigned() { return signed != null; }
    public Signatures.Manifestation getSignature() { return signed; }
    public String getRecordType() { return recordType; }
    public String getRecordId() { return recordId; }
    public String getMeaning() { return meaning; }
    public String getSummary() { return summary; }
    public String getUserName() { return userName; }
    public void setUserName(String v) { userName = v; }
    public String getPassword() { return null; }
    public void setPassword(String v) { password = v; }
}
