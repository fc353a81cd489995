/**
 * Finding units, classes and logbook entries, and the rules of the equipment gate as a pure function
 * of a unit, the use asked for and the time.
 */
package org.openebr.equipment.control;
