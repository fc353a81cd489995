package org.openebr.ui.signature;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import org.openebr.signature.boundary.Signatures;
import org.openebr.signature.boundary.SigningCredentials;

/**
 * The user's signature-accountability statement: its text, and once signed, the signature's
 * manifestation; and the user's signing certificate, or what they need to get one.
 */
@Named("mySignature")
@ViewScoped
public class MySignatureView implements Serializable {

    private static final long serialVersionUID = 2L;

    @Inject
    Signatures signatures;

    @Inject
    SigningCredentials credentials;

    @Inject
    Clock clock;

    private Signatures.Statement statement;
    private List<SigningCredentials.CredentialDetails> certificates;

    @PostConstruct
    public void load() {
        statement = signatures.statement();
        certificates = credentials.mine();
    }

    /** Read again until it is signed (the dialog signs it on this very page); then it stays as it is. */
    public Signatures.Statement getStatement() {
        if (statement.signature() == null) {
            statement = signatures.statement();
        }
        return statement;
    }

    /** The certificate the user signs with now, or null: then an administrator must verify their identity. */
    public SigningCredentials.CredentialDetails getCertificate() {
        return certificates.stream()
                .filter(c -> c.revokedAt() == null && (c.validUntil() == null || c.validUntil().isAfter(clock.instant())))
                .reduce((first, later) -> later).orElse(null);
    }
}
