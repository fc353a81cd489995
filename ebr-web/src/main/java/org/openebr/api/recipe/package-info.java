/** API of master recipes: list, versions (in the import/export schema), import, drafts, lifecycle, diff, scaling. */
package org.openebr.api.recipe;
