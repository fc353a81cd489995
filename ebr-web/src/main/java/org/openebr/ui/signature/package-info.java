/** Screens of electronic signatures: the reusable signature dialog and the user's own statement and signatures. */
package org.openebr.ui.signature;
