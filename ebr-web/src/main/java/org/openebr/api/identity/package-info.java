/**
 * API of the identity component: the caller's own account, user administration (ADMIN only),
 * API tokens (issued by one sign-in, listed and revoked by their owner or an administrator),
 * training records, security events and the access review.
 */
package org.openebr.api.identity;
