/** Layout of the reports as XHTML, and PDF/A-3 with attachments and the installation's signature. */
package org.openebr.report.control;
