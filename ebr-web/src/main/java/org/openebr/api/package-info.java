/**
 * The REST API at {@code /ebr/api/v1}: JAX-RS resources per component, JSON-B, Bean Validation on
 * inputs, every error an RFC 9457 {@code application/problem+json} document. No transactions here.
 */
package org.openebr.api;
