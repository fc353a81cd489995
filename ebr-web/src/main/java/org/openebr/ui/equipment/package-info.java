/** Screens of equipment: the board of every unit and a unit's page with its logbook and events. */
package org.openebr.ui.equipment;
