/**
 * The system's keys and its internal PKI: a private CA, the time-stamp authority and the audit
 * checkpoint signer, detached CMS signatures, RFC 3161 time-stamps and their offline verification.
 * Shared by the audit trail's signed checkpoints and by electronic signatures.
 */
package org.openebr.trust;
