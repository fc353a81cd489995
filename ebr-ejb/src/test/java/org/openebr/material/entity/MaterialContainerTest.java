package org.openebr.material.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MaterialContainerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void a_container_never_goes_below_zero() {
        MaterialContainer drum = MaterialContainer.received("C-0000001", UUID.randomUUID(), new BigDecimal("500"), "g",
                null, "Quarantine store", "warehouse1", NOW);
        drum.take(new BigDecimal("453.6"));
        assertThat(drum.quantity()).isEqualByComparingTo("46.4");
        assertThatThrownBy(() -> drum.take(new BigDecimal("46.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drum.take(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        drum.take(new BigDecimal("46.4"));
        assertThat(drum.empty()).isTrue();
    }

    @Test
    void nothing_is_received_or_dispensed_as_zero() {
        assertThatThrownBy(() -> MaterialContainer.received("C-0000002", UUID.randomUUID(), BigDecimal.ZERO, "g", null,
                "store", "warehouse1", NOW)).isInstanceOf(IllegalArgumentException.class);
        MaterialContainer dispensed = MaterialContainer.dispensed("C-0000003", UUID.randomUUID(), new BigDecimal("405"),
                "g", BigDecimal.ZERO, "Dispensary D-1", "B-1", "weigh NaCl", "operator1", NOW);
        assertThat(dispensed.holder()).isEqualTo("operator1");
        assertThat(dispensed.origin()).isEqualTo(MaterialContainer.Origin.DISPENSED);
    }
}
