/**
 * Platform building blocks injected into every component: the server {@link java.time.Clock} and
 * the site settings (time zone), and the RFC 8785 canonical JSON that content hashes and
 * signatures are computed over.
 */
package org.openebr.platform.control;
