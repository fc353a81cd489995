/**
 * Electronic signatures: who signed which GMP record, when and with what meaning, bound to the
 * exact content signed so that the signature cannot be moved to other content (Part 11 §11.70).
 */
package org.openebr.signature;
