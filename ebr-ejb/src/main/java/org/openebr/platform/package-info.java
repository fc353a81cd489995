/**
 * What every component stands on: server clock and site time zone, system health, schema version.
 * Holds no GMP data.
 */
package org.openebr.platform;
