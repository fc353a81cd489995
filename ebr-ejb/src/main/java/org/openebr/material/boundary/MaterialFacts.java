package org.openebr.material.boundary;

/**
 * A material of the material master as read.
 *
 * @param controlled its dispensing needs a verifier and its hand-over the receiver's signature
 */
public record MaterialFacts(String materialNumber, String name, MaterialType type, String baseUnit,
                           String storageConditions, Integer shelfLifeMonths, Integer retestMonths, String gtin,
                           boolean controlled) {
}
