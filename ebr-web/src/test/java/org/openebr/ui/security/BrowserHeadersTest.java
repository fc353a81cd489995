package org.openebr.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserHeadersTest {

    @Test
    void an_api_answer_gets_every_header_and_a_policy_that_allows_nothing() {
        Map<String, String> headers = BrowserHeaders.forAnswer("/api/v1/users", true, false, false, 200);
        assertThat(headers).containsEntry("X-Frame-Options", "DENY")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Strict-Transport-Security", "max-age=31536000")
                .containsEntry("Content-Security-Policy", BrowserHeaders.NON_PAGE_POLICY);
        assertThat(BrowserHeaders.NON_PAGE_POLICY).contains("default-src 'none'", "frame-ancestors 'none'");
    }

    @Test
    void a_page_keeps_the_policy_primefaces_set_with_its_nonce() {
        assertThat(BrowserHeaders.forAnswer("/app/home.xhtml", true, false, true, 200))
                .doesNotContainKey("Content-Security-Policy")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("X-Frame-Options", "DENY");
    }

    @Test
    void strict_transport_security_only_over_https_and_forgotten_in_demo_mode() {
        assertThat(BrowserHeaders.forAnswer("/login.xhtml", false, false, true, 200)).doesNotContainKey("Strict-Transport-Security");
        assertThat(BrowserHeaders.forAnswer("/login.xhtml", true, true, true, 200)).containsEntry("Strict-Transport-Security", "max-age=0");
    }

    @Test
    void static_resources_may_be_cached_but_a_missing_one_may_not() {
        assertThat(BrowserHeaders.forAnswer("/jakarta.faces.resource/theme.css.xhtml", true, false, false, 200))
                .doesNotContainKey("Cache-Control").containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(BrowserHeaders.forAnswer("/jakarta.faces.resource/nothing.js.xhtml", true, false, false, 404))
                .containsEntry("Cache-Control", "no-store");
    }

    @Test
    void a_redirect_built_from_the_host_header_becomes_relative() {
        assertThat(BrowserHeaders.relativeLocation("http://evil.example/ebr/login.xhtml", "http://evil.example"))
                .isEqualTo("/ebr/login.xhtml");
        assertThat(BrowserHeaders.relativeLocation("https://EVIL.example:8443/ebr/?a=b", "https://evil.example:8443"))
                .isEqualTo("/ebr/?a=b");
    }

    @Test
    void a_relative_location_never_names_another_host() {
        assertThat(BrowserHeaders.relativeLocation("http://evil.example//other.example/x", "http://evil.example"))
                .isEqualTo("/other.example/x");
    }

    @Test
    void a_location_on_another_origin_stays_as_it_is() {
        assertThat(BrowserHeaders.relativeLocation("https://ebr.plant.example:8443/ebr/", "http://evil.example"))
                .isEqualTo("https://ebr.plant.example:8443/ebr/");
        assertThat(BrowserHeaders.relativeLocation("http://evil.example.org/x", "http://evil.example"))
                .isEqualTo("http://evil.example.org/x");
        assertThat(BrowserHeaders.relativeLocation("/ebr/login.xhtml", "http://evil.example")).isEqualTo("/ebr/login.xhtml");
    }
}
