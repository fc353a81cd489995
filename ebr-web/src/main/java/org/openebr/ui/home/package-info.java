/**
 * The home page: each person lands on what their roles ask of them now, as worklists with counts
 * and one click to each task, built from the read-only worklist queries of the boundaries.
 */
package org.openebr.ui.home;
