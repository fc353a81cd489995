/**
 * Batch execution (ISA-88 control recipe; 21 CFR 211.188, 11.10(f); EU GMP Annex 11 §6): batches made
 * from the effective master recipe, executed step by step on the shop floor with every entry, signature,
 * correction and deviation kept as the electronic batch record.
 */
package org.openebr.batch;
