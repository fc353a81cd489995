/**
 * QA review by exception (21 CFR 211.192; PIC/S PI 041 9.8): the exceptions of a batch computed by
 * the server from its electronic record, and what was checked for every other step. Dispositions,
 * the audit-trail review, release and the batch report follow (issue 17).
 */
package org.openebr.review.boundary;
