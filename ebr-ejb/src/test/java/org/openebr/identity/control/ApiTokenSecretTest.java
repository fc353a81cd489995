package org.openebr.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenSecretTest {

    @Test
    void a_token_is_the_prefix_and_256_random_bits_and_never_repeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = ApiTokenSecret.generate();
            assertThat(token).startsWith("ebr_").hasSize(4 + 43).matches("ebr_[A-Za-z0-9_-]{43}");
            assertThat(ApiTokenSecret.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void the_stored_form_is_the_sha256_of_the_token() {
        // SHA-256("abc"), FIPS 180-2 test vector
        assertThat(ApiTokenSecret.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anything_else_is_not_a_token() {
        assertThat(ApiTokenSecret.wellFormed(null)).isFalse();
        assertThat(ApiTokenSecret.wellFormed("")).isFalse();
        assertThat(ApiTokenSecret.wellFormed("ebr_" + "A".repeat(42))).isFalse();
        assertThat(ApiTokenSecret.wellFormed("ebr_" + "A".repeat(44))).isFalse();
        assertThat(ApiTokenSecret.wellFormed("ebr_" + "A".repeat(42) + "=")).isFalse();
        assertThat(ApiTokenSecret.wellFormed("xyz_" + "A".repeat(43))).isFalse();
    }

    @Test
    void token_lifetimes_are_bounded_and_differ_for_technical_accounts() {
        ApiTokenSettings settings = new ApiTokenSettings(8, 30);
        assertThat(settings.lifetime(false)).hasHours(8);
        assertThat(settings.lifetime(true)).hasDays(30);
        assertThatThrownBy(() -> new ApiTokenSettings(0, 30)).hasMessageContaining("EBR_API_TOKEN_HOURS");
        assertThatThrownBy(() -> new ApiTokenSettings(8, 367)).hasMessageContaining("EBR_API_TECHNICAL_TOKEN_DAYS");
    }
}
