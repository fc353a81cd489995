/** Machine data over OPC UA: connections and their trust, equipment tags, and values read for the batch record. */
package org.openebr.mde.boundary;
