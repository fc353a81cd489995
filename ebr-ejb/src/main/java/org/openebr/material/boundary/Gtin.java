package org.openebr.material.boundary;

/**
 * GS1 Global Trade Item Numbers as 14 digits (GTIN-14; shorter GTINs are padded with leading
 * zeros) with the mod-10 check digit of the GS1 General Specifications (7.9.1).
 */
public final class Gtin {

    private Gtin() {
    }

    /** Whether the text is 14 digits whose last digit is the right check digit. */
    public static boolean valid(String gtin) {
        return gtin != null && gtin.matches("[0-9]{14}") && checkDigit(gtin.substring(0, 13)) == gtin.charAt(13) - '0';
    }

    /** The check digit of the first 13 digits: weights 3 and 1 alternating from the right. */
    public static int checkDigit(String first13) {
        if (!first13.matches("[0-9]{13}")) {
            throw new IllegalArgumentException("13 digits, not '" + first13 + "'");
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = first13.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** The 14-digit GTIN of 13 digits with its check digit appended. */
    public static String of(String first13) {
        return first13 + checkDigit(first13);
    }
}
