/**
 * The batch screens for the office: the supervisor's batch list (create, dispatch, hold, resume,
 * abort, classify deviations) and the read-only batch record for QA, inspectors, supervisors and
 * operators. The operator terminal is a screen of its own.
 */
package org.openebr.ui.batch;
