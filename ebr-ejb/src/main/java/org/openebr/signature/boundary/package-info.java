/** Signing, identity verification for signing credentials, and reading and verifying signatures. */
package org.openebr.signature.boundary;
