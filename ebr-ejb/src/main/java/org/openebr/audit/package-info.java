/**
 * The audit trail: who changed which GMP record when and why, with old and new values (Envers
 * revisions), made tamper-evident by a hash chain in commit order and signed, time-stamped
 * checkpoints kept outside the database; queries, exports and the integrity verifier.
 */
package org.openebr.audit;
