/**
 * Screens of master recipes: the list with import, the designer (a mutable working copy of a draft,
 * read-only for any other version) with its lifecycle and signatures, and the comparison of two versions.
 */
package org.openebr.ui.recipe;
