package org.openebr.material.boundary;

/** A material to add to the material master, with the reason (change control of master data). */
public record NewMaterial(String materialNumber, String name, MaterialType type, String baseUnit,
                         String storageConditions, Integer shelfLifeMonths, Integer retestMonths, String gtin,
                         String reason) {
}
