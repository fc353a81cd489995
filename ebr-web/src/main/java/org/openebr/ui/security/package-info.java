/**
 * How people and systems sign in: one authentication mechanism for the UI (a session after the
 * login form) and the API (HTTP Basic on every request), both checked by the identity component,
 * so lockout and account state apply the same way everywhere. Designed so an OIDC mechanism can
 * later take the place of the form and Basic parts.
 */
package org.openebr.ui.security;
