package org.openebr.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SiteSettingsTest {

    @Test
    @Tag("TIME-2")
    void site_zone_comes_from_configuration_not_from_the_jvm() {
        assertThat(new SiteSettings("Europe/Berlin").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(new SiteSettings(" America/Chicago ").zone()).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void an_unknown_zone_is_refused_with_a_message_naming_the_setting() {
        assertThatThrownBy(() -> new SiteSettings("Mars/Olympus"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EBR_SITE_TIMEZONE")
                .hasMessageContaining("Mars/Olympus");
    }
}
