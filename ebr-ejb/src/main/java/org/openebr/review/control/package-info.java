/** How the exceptions of a batch are found in its record: a pure function of the record. */
package org.openebr.review.control;
