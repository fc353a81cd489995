package org.openebr.recipe.boundary;

/**
 * Who signs a step. The performer always signs; a verifier (four-eyes) is a different person, a
 * rule the signature component enforces when the step is executed.
 */
public record SignatureRequirement(boolean verifierRequired) {
}
