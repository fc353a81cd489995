/**
 * Who may do what: user accounts (never deleted, never renamed, never reused), roles and
 * segregation of duties, the Part 11 password and lockout rules, training and qualification
 * records, and the security event log.
 */
package org.openebr.identity;
