/**
 * Services of the identity component: authentication, account administration, training records,
 * security events and access review. Each call is one transaction.
 */
package org.openebr.identity.boundary;
