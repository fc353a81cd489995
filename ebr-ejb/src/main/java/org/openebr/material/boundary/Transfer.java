package org.openebr.material.boundary;

/**
 * A movement or hand-over of a container: to a place and, for a hand-over, into a person's hands.
 * The receiving person confirms a hand-over of a controlled material with their password.
 */
public record Transfer(String toLocation, String toPerson, char[] receiverPassword, String reason) {
}
