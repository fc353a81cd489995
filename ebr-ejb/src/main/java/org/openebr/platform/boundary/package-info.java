/**
 * Platform services the web tier calls: the health check of database and schema.
 */
package org.openebr.platform.boundary;
