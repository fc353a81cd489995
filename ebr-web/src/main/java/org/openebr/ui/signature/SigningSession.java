package org.openebr.ui.signature;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/**
 * Whether this continuous session already saw a signing with user id and password (21 CFR
 * 11.200(a)(1)): then later signings ask for the password only. The HTTP session ends with
 * sign-out, idle timeout or a lock, and with it this state: the next signing asks for both again.
 */
@SessionScoped
public class SigningSession implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Who signed with user id and password in this session; another person at the terminal starts afresh. */
    private String signedWithUserId;

    public boolean continuous(String currentUser) {
        return signedWithUserId != null && signedWithUserId.equalsIgnoreCase(currentUser);
    }

    void signedWithUserId(String user) {
        signedWithUserId = user;
    }
}
