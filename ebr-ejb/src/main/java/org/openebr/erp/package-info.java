/**
 * ERP integration (ISA-95 level 4 to 3; issue 18): production orders from the ERP become planned batches
 * through the same code a supervisor uses, and what happened to them (started, materials consumed per lot,
 * quantity produced and rejects, operation times, QA's decision) goes back as confirmations written to a
 * transactional outbox and pushed by a relay, at least once and in order per batch; or pulled from a feed.
 */
package org.openebr.erp;
