package org.openebr.material.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.openebr.material.boundary.MaterialType;

/**
 * A material of the material master, named as the ERP knows it (its material number). Master data
 * is created, not edited, here: a change of a material's definition is a change-controlled act of
 * its own, outside this first version.
 */
@Entity
@Audited
@Table(name = "material")
public class Material {

    @Id
    private UUID id;

    @Column(name = "material_number", nullable = false, updatable = false)
    private String materialNumber;

    @Column(nullable = false, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "material_type", nullable = false, updatable = false)
    private MaterialType type;

    @Column(name = "base_unit", nullable = false, updatable = false)
    private String baseUnit;

    @Column(name = "storage_conditions", nullable = false, updatable = false)
    private String storageConditions;

    @Column(name = "shelf_life_months", updatable = false)
    private Integer shelfLifeMonths;

    @Column(name = "retest_months", updatable = false)
    private Integer retestMonths;

    @Column(updatable = false)
    private String gtin;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Material() {
    }

    public Material(String materialNumber, String name, MaterialType type, String baseUnit, String storageConditions,
                    Integer shelfLifeMonths, Integer retestMonths, String gtin, String reason, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.materialNumber = Objects.requireNonNull(materialNumber);
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.baseUnit = Objects.requireNonNull(baseUnit);
        this.storageConditions = Objects.requireNonNull(storageConditions);
        this.shelfLifeMonths = shelfLifeMonths;
        this.retestMonths = retestMonths;
        this.gtin = gtin;
        this.reason = Objects.requireNonNull(reason);
        this.createdBy = Objects.requireNonNull(by);
        this.createdAt = Objects.requireNonNull(now);
    }

    public UUID id() { return id; }
    public String materialNumber() { return materialNumber; }
    public String name() { return name; }
    public MaterialType type() { return type; }
    public String baseUnit() { return baseUnit; }
    public String storageConditions() { return storageConditions; }
    public Integer shelfLifeMonths() { return shelfLifeMonths; }
    public Integer retestMonths() { return retestMonths; }
    public String gtin() { return gtin; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public String reason() { return reason; }
}
