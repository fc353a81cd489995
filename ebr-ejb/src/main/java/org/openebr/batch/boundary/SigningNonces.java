package org.openebr.batch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.openebr.signature.boundary.Signatures;

/**
 * A signing nonce for a change that is signed inside its own call (hold, resume, abort; a gate
 * override; an addendum to a decided batch). The
 * nonce is issued and committed in a transaction of its own: the signature ceremony consumes nonces
 * in a separate transaction (so that a refused signing still uses its nonce up), which would not see
 * one issued in the caller's uncommitted transaction.
 */
@Stateless
@RolesAllowed({"SUPERVISOR", "QA_REVIEWER", "QA_RELEASER"})
public class SigningNonces {

    @Inject
    Signatures signatures;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String fresh() {
        return signatures.issueNonce().nonce();
    }
}
