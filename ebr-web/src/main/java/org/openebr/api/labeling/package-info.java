/** API of labels and scanning: what a scanned code names, and a container's printable label. */
package org.openebr.api.labeling;
