/** API of genealogy: a lot's trace forward (where used) and backward (where from). */
package org.openebr.api.genealogy;
