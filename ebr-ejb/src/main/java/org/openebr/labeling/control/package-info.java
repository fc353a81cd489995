/**
 * The GS1 codec (parse what a scanner types, write the element string a label encodes), the scan
 * resolution over the registered targets, and the label PDF with its DataMatrix.
 */
package org.openebr.labeling.control;
