package org.openebr.recipe.boundary;

/**
 * Who signs a step. The performer always signs; a verifier (four-eyes) is a different person, a
 * rule the signature component enforces when the step is executed. Every step states it, with
 * {@code verifierRequired} true or false: a recipe never leaves a second signature to a default.
 */
public record SignatureRequirement(Boolean verifierRequired) {
}
