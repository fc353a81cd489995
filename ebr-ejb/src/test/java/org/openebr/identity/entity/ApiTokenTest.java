package org.openebr.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void usable_until_it_expires() {
        ApiToken token = new ApiToken(UUID.randomUUID(), "0".repeat(64), "report", NOW, NOW.plus(Duration.ofHours(8)));
        assertThat(token.usableAt(NOW)).isTrue();
        assertThat(token.usableAt(NOW.plus(Duration.ofHours(8)).minusMillis(1))).isTrue();
        assertThat(token.usableAt(NOW.plus(Duration.ofHours(8)))).isFalse();
    }

    @Test
    void revoked_once_with_who_and_why() {
        ApiToken token = new ApiToken(UUID.randomUUID(), "0".repeat(64), "report", NOW, NOW.plus(Duration.ofHours(8)));
        token.revoke("admin1", "laptop lost", NOW.plusSeconds(60));
        assertThat(token.usableAt(NOW.plusSeconds(61))).isFalse();
        assertThat(token.revokedBy()).isEqualTo("admin1");
        assertThat(token.revokeReason()).isEqualTo("laptop lost");
        assertThatThrownBy(() -> token.revoke("admin1", "again", NOW.plusSeconds(120)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_token_must_expire_after_it_was_issued() {
        assertThatThrownBy(() -> new ApiToken(UUID.randomUUID(), "0".repeat(64), "x", NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
