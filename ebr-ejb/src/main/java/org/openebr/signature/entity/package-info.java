/** Signature records: identity verifications, signing credentials, nonces and the signatures themselves. */
package org.openebr.signature.entity;
