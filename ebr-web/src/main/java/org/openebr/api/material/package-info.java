/**
 * The material API: the material master, goods receipt and lots, containers with their custody
 * history and transfers, and dispensing.
 */
package org.openebr.api.material;
