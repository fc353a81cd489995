/** API of equipment: classes, units, their logbooks and events, and the gate's answer before a use. */
package org.openebr.api.equipment;
