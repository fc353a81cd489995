/**
 * Container labels and scanning: GS1 element strings (GTIN, lot, expiry, serial), the printable
 * container label with its GS1 DataMatrix, and the one scan service that turns what a scanner types
 * into a container, a lot or an equipment unit.
 */
package org.openebr.labeling;
