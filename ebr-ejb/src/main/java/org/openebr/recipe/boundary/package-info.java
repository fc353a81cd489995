/**
 * The master recipe document: the records that are the JSON import/export schema and the API
 * payload of a recipe version, and the comparison of two versions that change control approves.
 * Plain values, no persistence: a document is validated before it becomes a draft.
 */
package org.openebr.recipe.boundary;
