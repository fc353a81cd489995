/**
 * The validation package's build-time tools: they read the requirement catalogue, the tests' {@code @Tag} ids
 * and the Surefire/Failsafe reports, and write the traceability matrix requirement -> tests -> result.
 */
package org.openebr.validation;
