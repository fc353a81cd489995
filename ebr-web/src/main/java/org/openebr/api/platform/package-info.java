/**
 * API of the platform: health of the system, unauthenticated, for monitoring and load balancers.
 */
package org.openebr.api.platform;
