/**
 * Electronic signatures (21 CFR Part 11 subparts B and C; EU GMP Annex 11 §14): the signing
 * ceremony with re-authentication and one-time nonces, meanings and who may sign what, the
 * cryptographic binding of a signature to the exact record version (canonical JSON, CMS, RFC 3161
 * time stamp), verification, manifestation and the offline verification bundle.
 */
package org.openebr.signature;
