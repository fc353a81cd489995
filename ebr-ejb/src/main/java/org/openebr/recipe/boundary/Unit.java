package org.openebr.recipe.boundary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * The units a recipe may use, defined once. Symbols are case-sensitive because in SI they are
 * ({@code mg} is not {@code Mg}); a value converts only within its dimension.
 */
public enum Unit {
    MILLIGRAM("mg", Dimension.MASS, "0.001"),
    GRAM("g", Dimension.MASS, "1"),
    KILOGRAM("kg", Dimension.MASS, "1000"),
    MILLILITRE("mL", Dimension.VOLUME, "1"),
    LITRE("L", Dimension.VOLUME, "1000"),
    VIALS("vials", Dimension.COUNT, "1"),
    UNITS("units", Dimension.COUNT, "1"),
    PH("pH", Dimension.ACIDITY, "1"),
    DEGREE_CELSIUS("°C", Dimension.TEMPERATURE, "1"),
    BAR("bar", Dimension.PRESSURE, "1"),
    MILLIBAR("mbar", Dimension.PRESSURE, "0.001"),
    MINUTE("min", Dimension.TIME, "1"),
    HOUR("h", Dimension.TIME, "60"),
    PERCENT("%", Dimension.RATIO, "1"),
    CFU_PER_100_ML("CFU/100 mL", Dimension.MICROBIAL_COUNT, "1"),
    REVOLUTIONS_PER_MINUTE("rpm", Dimension.ROTATION, "1");

    /** What a unit measures; only units of the same dimension convert into each other. */
    public enum Dimension { MASS, VOLUME, COUNT, ACIDITY, TEMPERATURE, PRESSURE, TIME, RATIO, MICROBIAL_COUNT, ROTATION }

    private final String symbol;
    private final Dimension dimension;
    private final BigDecimal factor;

    Unit(String symbol, Dimension dimension, String factor) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.factor = new BigDecimal(factor);
    }

    public static Optional<Unit> of(String symbol) {
        return Arrays.stream(values()).filter(u -> u.symbol.equals(symbol)).findFirst();
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    public boolean convertsTo(Unit other) {
        return dimension == other.dimension;
    }

    /**
     * The same quantity in another unit of the same dimension, e.g. 453.6 g = 0.4536 kg. Exact for
     * every pair in the table (the factors are powers of ten, or 60 for hours), DECIMAL64 otherwise.
     */
    public BigDecimal convert(BigDecimal value, Unit to) {
        if (!convertsTo(to)) {
            throw new IllegalArgumentException(symbol + " (" + dimension + ") does not convert to "
                    + to.symbol + " (" + to.dimension + ")");
        }
        return value.multiply(factor).divide(to.factor, MathContext.DECIMAL64);
    }
}
