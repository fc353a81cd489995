/** The stored master recipe versions and their lifecycle. */
package org.openebr.recipe.entity;
