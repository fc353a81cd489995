/** API of electronic signatures: nonces, signing, manifestation and verification, offline bundles, credentials. */
package org.openebr.api.signature;
