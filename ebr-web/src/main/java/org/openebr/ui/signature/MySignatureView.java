package org.openebr.ui.signature;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openebr.signature.boundary.Signatures;

/** The user's signature-accountability statement: its text, and once signed, the signature's manifestation. */
@Named("mySignature")
@ViewScoped
public class MySignatureView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Signatures signatures;

    private Signatures.Statement statement;

    @PostConstruct
    public void load() {
        statement = signatures.statement();
    }

    /** Read again until it is signed (the dialog signs it on this very page); then it stays as it is. */
    public Signatures.Statement getStatement() {
        if (statement.signature() == null) {
            statement = signatures.statement();
        }
        return statement;
    }
}
