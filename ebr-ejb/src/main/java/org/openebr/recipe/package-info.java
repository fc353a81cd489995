/**
 * Master recipes (ISA-88): the approved, versioned instructions for making one product — formula,
 * parameters, and the procedure of unit procedures, operations and steps (phases).
 */
package org.openebr.recipe;
