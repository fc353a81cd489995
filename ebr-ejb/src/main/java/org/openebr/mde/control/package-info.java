/** The OPC UA client side: OpenEBR's application certificate, sealed passwords, the links to the equipment, the value store. */
package org.openebr.mde.control;
