/**
 * API of the identity component: the caller's own account, user administration (ADMIN only),
 * training records, security events and the access review.
 */
package org.openebr.api.identity;
