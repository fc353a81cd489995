/** The genealogy screen: a lot's trace where from or where used, as a read-only tree. */
package org.openebr.ui.genealogy;
