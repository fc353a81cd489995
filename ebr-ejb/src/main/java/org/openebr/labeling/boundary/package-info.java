/**
 * The labeling services (scan resolution, label rendering) and their vocabulary: the parsed GS1
 * code, what a scan resolved to, the label's content, and the {@code ScanTarget} port through which
 * the materials and equipment components say which of their things a code names.
 */
package org.openebr.labeling.boundary;
