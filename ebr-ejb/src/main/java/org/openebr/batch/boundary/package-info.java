/**
 * The batch services (batches and their lifecycle, step entries and corrections, deviations, the
 * BATCH_STEP record type that takes step signatures) and the vocabulary they take and return.
 */
package org.openebr.batch.boundary;
