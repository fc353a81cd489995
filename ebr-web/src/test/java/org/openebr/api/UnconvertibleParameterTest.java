package org.openebr.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnconvertibleParameterTest {

    private static Throwable notFound(String message) {
        return new IllegalStateException(message, new NumberFormatException("For input string: \"abc\""));
    }

    @Test
    void the_runtimes_message_names_the_parameter_and_where_it_was() {
        UnconvertibleParameter query = UnconvertibleParameter.of(notFound("RESTEASY003870: Unable to extract parameter from"
                + " http request: jakarta.ws.rs.QueryParam(\"page\") value is 'abc'")).orElseThrow();
        assertThat(query.source()).isEqualTo("query");
        assertThat(query.name()).isEqualTo("page");
        assertThat(query.inPath()).isFalse();
        assertThat(query.detail()).startsWith("Query parameter 'page' has a value of the wrong kind")
                .doesNotContain("RESTEASY").doesNotContain("jakarta");

        UnconvertibleParameter path = UnconvertibleParameter.of(notFound("RESTEASY003870: Unable to extract parameter"
                + " from http request: jakarta.ws.rs.PathParam(\"version\") value is 'x'")).orElseThrow();
        assertThat(path.inPath()).isTrue();
        assertThat(path.detail()).startsWith("Path parameter 'version'");
    }

    @Test
    void a_plain_not_found_is_not_a_parameter_failure() {
        assertThat(UnconvertibleParameter.of(new IllegalStateException("RESTEASY003210: Could not find resource"))).isEmpty();
        assertThat(UnconvertibleParameter.of(notFound("something else entirely"))).isEmpty();
    }
}
