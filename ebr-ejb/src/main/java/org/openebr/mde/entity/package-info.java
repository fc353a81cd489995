/** OPC UA connections, the equipment's machine data points (tags) and the connection log. */
package org.openebr.mde.entity;
