/** Reading, exporting and verifying the audit trail (QA and inspectors; nobody changes it). */
package org.openebr.audit.boundary;
