/** How signatures work: record types and their policies, canonical content, signing, verification, bundles. */
package org.openebr.signature.control;
