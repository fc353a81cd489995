/** What QA, inspectors and supervisors download of a batch: the reports and the record's data. */
package org.openebr.report.boundary;
