package org.openebr.mde.entity;

/** How OpenEBR identifies itself to the equipment's server in the session. */
public enum Identity {
    /** A user name and password the equipment's administrator gave OpenEBR. */
    USERNAME,
    /** OpenEBR's application certificate as the user token as well. */
    CERTIFICATE,
    /** No user: development servers only. */
    ANONYMOUS
}
