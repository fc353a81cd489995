package org.openebr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SiteViewTest {

    @Test
    @Tag("TIME-2")
    void times_are_shown_in_the_site_zone_with_the_zone_named() {
        Instant stored = Instant.parse("2026-07-01T08:15:30Z");

        assertThat(SiteView.format(stored, ZoneId.of("Europe/Berlin")))
                .isEqualTo("2026-07-01 10:15:30 CEST (Europe/Berlin)");
        assertThat(SiteView.format(stored, ZoneId.of("UTC")))
                .isEqualTo("2026-07-01 08:15:30 UTC (UTC)");
    }
}
