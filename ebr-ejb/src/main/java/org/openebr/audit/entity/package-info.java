/** The revision entity of the audit trail and the record of audit-trail exports. */
package org.openebr.audit.entity;
