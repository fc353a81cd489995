/** Container labels on screen: the label PDF as a download. */
package org.openebr.ui.labeling;
