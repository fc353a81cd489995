/**
 * The genealogy trace service and its vocabulary: the direction, and the trace as the links found
 * with their depth, whether it is complete and which links close a cycle.
 */
package org.openebr.genealogy.boundary;
