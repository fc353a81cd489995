/**
 * Platform building blocks injected into every component: the server {@link java.time.Clock} and
 * the site settings (time zone).
 */
package org.openebr.platform.control;
