/**
 * Genealogy: which lots went into which (where from) and where a lot went (where used), to any
 * depth, over the material movements' consumed-into, split and merge edges.
 */
package org.openebr.genealogy;
