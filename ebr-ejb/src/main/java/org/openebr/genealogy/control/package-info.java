/**
 * The recursive SQL of a trace (one statement, WITH RECURSIVE, depth-limited, cycle-safe) and the
 * assembly of its rows into a trace, shared by the service and the benchmark.
 */
package org.openebr.genealogy.control;
