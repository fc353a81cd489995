package org.openebr.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NulCharactersTest {

    private static boolean inJson(String json) {
        return NulCharacters.inJson(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void text_with_a_nul_character_is_recognised_and_text_without_is_not() {
        assertThat(NulCharacters.in("adm\0in")).isTrue();
        assertThat(NulCharacters.in("admin")).isFalse();
        assertThat(NulCharacters.in(null)).isFalse();
    }

    @Test
    void the_json_escape_of_nul_is_recognised_in_any_string() {
        assertThat(inJson("{\"reason\":\"a\\u0000b\"}")).isTrue();
        assertThat(inJson("{\"reason\":\"\\u0000\"}")).isTrue();
        assertThat(inJson("[\"x\",\"\\\\\\u0000\"]")).as("an escaped backslash, then the escape").isTrue();
    }

    @Test
    void a_raw_nul_byte_is_recognised() {
        assertThat(NulCharacters.inJson(new byte[] {'"', 'a', 0, '"'})).isTrue();
    }

    @Test
    void text_that_only_looks_like_the_escape_is_not_a_nul() {
        assertThat(inJson("{\"path\":\"C:\\\\u0000\"}")).as("an escaped backslash followed by u0000").isFalse();
        assertThat(inJson("{\"reason\":\"\\u00001\"}")).isTrue();
        assertThat(inJson("{\"reason\":\"\\u0001\"}")).isFalse();
        assertThat(inJson("{\"reason\":\"u0000\"}")).isFalse();
        assertThat(inJson("{\"reason\":\"\\u000")).as("cut off").isFalse();
        assertThat(inJson("")).isFalse();
    }
}
