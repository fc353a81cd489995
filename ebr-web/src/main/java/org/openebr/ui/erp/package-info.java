/** The ERP interface monitor: orders received, the outbox with its delivery state, retries of parked messages. */
package org.openebr.ui.erp;
