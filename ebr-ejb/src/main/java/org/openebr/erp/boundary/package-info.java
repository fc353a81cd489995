/** Orders in, the outbox of confirmations, the interface monitor. */
package org.openebr.erp.boundary;
