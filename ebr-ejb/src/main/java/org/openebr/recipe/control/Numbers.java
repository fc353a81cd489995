package org.openebr.recipe.control;

import java.math.BigDecimal;

/** Numbers as messages and comparisons show them. */
final class Numbers {

    /** Beyond this many digits or this exponent a number is shown in scientific notation. */
    private static final int PLAIN_LIMIT = 40;

    private Numbers() {
    }

    /**
     * Plain notation ({@code 2.10}, {@code 45000}) for every sensible number; scientific for an
     * absurd one such as {@code 1E+999999999}, whose plain form would be a billion characters long.
     */
    static String text(BigDecimal value) {
        if (value == null) {
            return null;
        }
        boolean plainIsShort = value.precision() <= PLAIN_LIMIT && Math.abs((long) value.scale()) <= PLAIN_LIMIT;
        return plainIsShort ? value.toPlainString() : value.toString();
    }
}
