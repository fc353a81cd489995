/**
 * Equipment (ISA-95 equipment model; EU GMP 3.34-3.44, 4.31, 5.20): classes, units and their
 * logbooks, the events that move a unit's status, and the equipment gate that dispensing and batch
 * execution ask before a unit is used.
 */
package org.openebr.equipment.boundary;
