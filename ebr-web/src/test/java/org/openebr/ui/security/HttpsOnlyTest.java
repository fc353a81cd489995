package org.openebr.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpsOnlyTest {

    private final HttpsOnly https = new HttpsOnly("ebr.plant.example", 8443);

    @Test
    void only_the_health_check_answers_over_plain_http() {
        assertThat(https.verdict("/api/v1/health")).isEqualTo(HttpsOnly.Verdict.ANSWER);
        assertThat(https.verdict("/api/v1/health/x")).isEqualTo(HttpsOnly.Verdict.REFUSE);
        assertThat(https.verdict("/api/v1/users")).isEqualTo(HttpsOnly.Verdict.REFUSE);
        assertThat(https.verdict("/app/home.xhtml")).isEqualTo(HttpsOnly.Verdict.REDIRECT);
        assertThat(https.verdict("/login.xhtml")).isEqualTo(HttpsOnly.Verdict.REDIRECT);
    }

    @Test
    void the_https_address_comes_from_configuration_with_the_requested_path_and_query() {
        assertThat(https.httpsLocation("/ebr/app/recipe.xhtml", "id=A%20B")).isEqualTo("https://ebr.plant.example:8443/ebr/app/recipe.xhtml?id=A%20B");
        assertThat(new HttpsOnly("ebr.plant.example", 443).httpsLocation("/ebr/", null)).isEqualTo("https://ebr.plant.example/ebr/");
    }

    @Test
    void an_absolute_request_target_keeps_only_its_path() {
        assertThat(https.httpsLocation("http://evil.example/ebr/login.xhtml", "")).isEqualTo("https://ebr.plant.example:8443/ebr/login.xhtml");
        assertThat(https.httpsLocation("http://evil.example", null)).isEqualTo("https://ebr.plant.example:8443/");
    }

    @Test
    void a_host_name_that_is_not_one_stops_the_start_with_a_message() {
        assertThatThrownBy(() -> new HttpsOnly("evil.example/x", 8443)).hasMessageContaining("EBR_TLS_HOSTNAME 'evil.example/x'");
        assertThatThrownBy(() -> new HttpsOnly("a@b", 8443)).isInstanceOf(IllegalStateException.class);
        assertThat(new HttpsOnly("[::1]", 8443).origin()).isEqualTo("https://[::1]:8443");
        assertThat(new HttpsOnly("10.0.0.5", 8443).origin()).isEqualTo("https://10.0.0.5:8443");
    }
}
