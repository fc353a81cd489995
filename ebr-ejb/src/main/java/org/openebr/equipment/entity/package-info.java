/**
 * The stored equipment master data (classes, units) and each unit's append-only logbook; a unit's
 * state moves only by a domain verb that writes its logbook entry.
 */
package org.openebr.equipment.entity;
