/**
 * The batch execution API: batches and their lifecycle, step entries and corrections, deviations,
 * and the batch record.
 */
package org.openebr.api.batch;
