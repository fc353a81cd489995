/** The machinery behind the audit trail boundaries, such as the CSV, JSON and PDF export writers. */
package org.openebr.audit.control;
