/** The settings of the ERP connection, the message documents (JSON and B2MML) and the relay that pushes them. */
package org.openebr.erp.control;
