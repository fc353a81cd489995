/** Accounts, role grants, password history, training records and security events as stored. */
package org.openebr.identity.entity;
