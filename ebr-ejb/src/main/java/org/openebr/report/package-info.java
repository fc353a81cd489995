/**
 * The batch record as documents (21 CFR 211.188, 11.10(b); EU GMP Annex 11 §8, §17): the batch
 * report and the exception report as signed PDF/A-3 carrying the electronic record itself, and the
 * record as JSON. Generated from the record on request, never stored as a second truth.
 */
package org.openebr.report;
