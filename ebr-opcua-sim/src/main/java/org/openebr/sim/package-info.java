/**
 * The equipment of the reference aseptic-filling process (vessel V-101, filling line FL-01) as a real,
 * secured OPC UA server: the machine end of OpenEBR's tests, benchmarks and demo, never of production.
 */
package org.openebr.sim;
