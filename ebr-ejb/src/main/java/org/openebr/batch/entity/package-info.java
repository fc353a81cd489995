/**
 * The persistent batch records: the batch with its control recipe snapshot and status, its status
 * events, a state row per step, the append-only step entries, deviations and gate refusals.
 */
package org.openebr.batch.entity;
