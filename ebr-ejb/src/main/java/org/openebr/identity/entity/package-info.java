/** Accounts, role grants, password history, training records, API tokens and security events as stored. */
package org.openebr.identity.entity;
