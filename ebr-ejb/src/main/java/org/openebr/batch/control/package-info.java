/**
 * How batch execution decides: sequencing over the control recipe, judging and checking entries,
 * gapless batch numbers, and the store the boundaries use.
 */
package org.openebr.batch.control;
