/** Screens of the audit trail: the filtered trail with exports and integrity check, and a record's value history. */
package org.openebr.ui.audit;
