/**
 * How the audit trail works: the revision listener, the audited-table registry, the canonical
 * form and hash chain of revisions, signed checkpoints, the verifier and the export writer.
 */
package org.openebr.audit.control;
