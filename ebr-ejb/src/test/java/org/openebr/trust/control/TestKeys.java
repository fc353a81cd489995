package org.openebr.trust.control;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The fixed clock, password and installation the trust tests open their key stores with. */
final class TestKeys {

    /**
     * In the past, so that certificates made "now" by this clock are valid at the real time too:
     * {@code openssl} checks certificate validity against the real clock.
     */
    static final Instant NOW = Instant.parse("2025-06-02T08:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String INSTALLATION = "Example Pharma, Plant 2";

    private TestKeys() {
    }

    static char[] password() {
        return "correct horse battery staple".toCharArray();
    }

    static TrustStore open(Path directory) {
        return TrustStore.open(directory, password(), CLOCK, INSTALLATION);
    }
}
