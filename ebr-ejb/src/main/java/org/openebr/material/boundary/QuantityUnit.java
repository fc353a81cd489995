package org.openebr.material.boundary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * The units material quantities are kept in. A quantity converts only within its dimension (g, kg,
 * mg; mL, L; pieces): weighing 0.45 kg from a drum kept in g is the same material, 450 mL from a
 * drum kept in g is not, because no density is known here.
 */
public enum QuantityUnit {
    MILLIGRAM("mg", Dimension.MASS, "0.001"),
    GRAM("g", Dimension.MASS, "1"),
    KILOGRAM("kg", Dimension.MASS, "1000"),
    MILLILITRE("mL", Dimension.VOLUME, "1"),
    LITRE("L", Dimension.VOLUME, "1000"),
    PIECES("pcs", Dimension.COUNT, "1");

    /** What a unit measures; only units of one dimension convert into each other. */
    public enum Dimension { MASS, VOLUME, COUNT }

    private final String symbol;
    private final Dimension dimension;
    private final BigDecimal factor;

    QuantityUnit(String symbol, Dimension dimension, String factor) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.factor = new BigDecimal(factor);
    }

    /** By symbol, case-sensitive as in SI ({@code mg} is not {@code Mg}). */
    public static Optional<QuantityUnit> of(String symbol) {
        return Arrays.stream(values()).filter(u -> u.symbol.equals(symbol)).findFirst();
    }

    /** Every symbol, for messages that say what is taken. */
    public static String symbols() {
        return String.join(", ", Arrays.stream(values()).map(QuantityUnit::symbol).toList());
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    public boolean convertsTo(QuantityUnit other) {
        return dimension == other.dimension;
    }

    /** The same quantity in another unit of this dimension; exact (the factors are powers of ten). */
    public BigDecimal convert(BigDecimal value, QuantityUnit to) {
        if (!convertsTo(to)) {
            throw new IllegalArgumentException(symbol + " (" + dimension + ") does not convert to " + to.symbol
                    + " (" + to.dimension + ")");
        }
        return value.multiply(factor).divide(to.factor, MathContext.DECIMAL64).stripTrailingZeros();
    }
}
