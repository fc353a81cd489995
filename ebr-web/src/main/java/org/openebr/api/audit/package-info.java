/** API of the audit trail: search, value history, export, integrity verification and checkpoints (read-only). */
package org.openebr.api.audit;
