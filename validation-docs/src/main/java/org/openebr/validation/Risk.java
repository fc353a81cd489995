package org.openebr.validation;

import java.util.Locale;

/**
 * The risk assessment of one requirement, GAMP 5 (second edition) style, in the terms of ICH Q9: the severity of
 * a failure (patient safety, product quality, data integrity), its probability, and its detectability before harm.
 * Severity x probability give the risk class (1 highest); risk class x detectability give the priority, which sets
 * the rigour of the testing the requirement needs.
 */
record Risk(Level severity, Level probability, Level detectability, Priority priority, String rationale) {

    enum Level {
        H, M, L;

        static Level parse(String value) {
            return switch (value.strip().toUpperCase(Locale.ROOT)) {
                case "H" -> H;
                case "M" -> M;
                case "L" -> L;
                default -> null;
            };
        }
    }

    enum Priority {
        HIGH("an automated test on the real server (integration tier), negative cases included"),
        MEDIUM("an automated test (unit or integration tier)"),
        LOW("an automated test, or a documented review where a test is not practical");

        final String rigour;

        Priority(String rigour) {
            this.rigour = rigour;
        }

        static Priority parse(String value) {
            for (Priority p : values()) {
                if (p.name().equalsIgnoreCase(value.strip())) {
                    return p;
                }
            }
            return null;
        }
    }

    /** Severity x probability: 1 for H/H, H/M and M/H; 2 for H/L, M/M and L/H; 3 otherwise. */
    static int riskClass(Level severity, Level probability) {
        int score = weight(severity) + weight(probability);
        if (score >= 5) {
            return 1;
        }
        return score == 4 ? 2 : 3;
    }

    /**
     * Risk class x detectability: class 1 is HIGH unless detection is likely (then MEDIUM); class 2 is HIGH when
     * detection is unlikely, MEDIUM when it is moderate, LOW when likely; class 3 is MEDIUM when detection is
     * unlikely, LOW otherwise.
     */
    static Priority priority(int riskClass, Level detectability) {
        return switch (riskClass) {
            case 1 -> detectability == Level.H ? Priority.MEDIUM : Priority.HIGH;
            case 2 -> switch (detectability) {
                case L -> Priority.HIGH;
                case M -> Priority.MEDIUM;
                case H -> Priority.LOW;
            };
            default -> detectability == Level.L ? Priority.MEDIUM : Priority.LOW;
        };
    }

    int riskClass() {
        return riskClass(severity, probability);
    }

    private static int weight(Level level) {
        return switch (level) {
            case H -> 3;
            case M -> 2;
            case L -> 1;
        };
    }
}
