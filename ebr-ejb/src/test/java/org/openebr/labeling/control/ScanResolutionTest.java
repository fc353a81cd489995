package org.openebr.labeling.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openebr.labeling.boundary.Gs1Code;
import org.openebr.labeling.boundary.ScanKind;
import org.openebr.labeling.boundary.ScanRefused;
import org.openebr.labeling.boundary.ScanRefused.Reason;
import org.openebr.labeling.boundary.ScanTarget;
import org.openebr.labeling.boundary.Scanned;

class ScanResolutionTest {

    private static final char GS = Gs1Codec.GS;
    private static final String GTIN = "04012345000016";
    private static final String OTHER_GTIN = "04012345000023";

    /** Containers by id; a GS1 code names one by its serial under the GTIN of its material. */
    private static final ScanTarget CONTAINERS = new Fixed(ScanKind.CONTAINER,
            Map.of("C-2026-000123-01", GTIN), "container C-2026-000123-01 of lot L-2026-000123") {
        @Override
        public Optional<Scanned> byGs1(Gs1Code code) {
            return code.serial() == null || !code.gtin().equals(ids.get(code.serial())) ? Optional.empty() : byId(code.serial());
        }
    };
    /** Lots by internal id; a GS1 code without serial names one by GTIN and lot. */
    private static final ScanTarget LOTS = new Fixed(ScanKind.LOT, Map.of("L-2026-000123", GTIN), "lot L-2026-000123") {
        @Override
        public Optional<Scanned> byGs1(Gs1Code code) {
            return code.serial() != null || code.lot() == null || !code.gtin().equals(ids.get(code.lot())) ? Optional.empty()
                    : byId(code.lot());
        }
    };
    private static final ScanTarget EQUIPMENT = new Fixed(ScanKind.EQUIPMENT, Map.of("WB-01", "", "L-2026-000123X", ""),
            "balance WB-01");

    private final ScanResolution resolution = new ScanResolution(LocalDate.of(2026, 12, 3),
            List.of(CONTAINERS, LOTS, EQUIPMENT));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "]d2" + "01" + GTIN + "17271231" + "10L-2026-000123" + GS + "21C-2026-000123-01",
            "]d2" + GS + "01" + GTIN + "17271231" + "10L-2026-000123" + GS + "21C-2026-000123-01",
            "01" + GTIN + "17271231" + "10L-2026-000123" + GS + "21C-2026-000123-01\r\n",
            GS + "01" + GTIN + "10L-2026-000123" + GS + "21C-2026-000123-01",
            "(01)" + GTIN + "(17)271231(10)L-2026-000123(21)C-2026-000123-01",
            "  (01)" + GTIN + "(21)C-2026-000123-01\n"})
    void aGs1CodeWithASerialIsAContainer(String typed) {
        Scanned scanned = resolution.resolve(typed);

        assertThat(scanned.kind()).isEqualTo(ScanKind.CONTAINER);
        assertThat(scanned.id()).isEqualTo("C-2026-000123-01");
        assertThat(scanned.gs1().gtin()).isEqualTo(GTIN);
    }

    @Test
    void aGs1CodeWithoutSerialIsALot() {
        Scanned scanned = resolution.resolve("]d2" + "01" + GTIN + "10L-2026-000123");

        assertThat(scanned.kind()).isEqualTo(ScanKind.LOT);
        assertThat(scanned.id()).isEqualTo("L-2026-000123");
        assertThat(scanned.gs1().lot()).isEqualTo("L-2026-000123");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WB-01", " WB-01\r\n", "]d1WB-01"})
    void aPlainIdIsWhatItNames(String typed) {
        Scanned scanned = resolution.resolve(typed);

        assertThat(scanned.kind()).isEqualTo(ScanKind.EQUIPMENT);
        assertThat(scanned.id()).isEqualTo("WB-01");
        assertThat(scanned.gs1()).isNull();
    }

    @Test
    void aPlainContainerIdAndLotId() {
        assertThat(resolution.resolve("C-2026-000123-01").kind()).isEqualTo(ScanKind.CONTAINER);
        assertThat(resolution.resolve("L-2026-000123").kind()).isEqualTo(ScanKind.LOT);
    }

    @Test
    void aValidGs1CodeOfAnotherMaterialIsNoContainerOfIt() {
        assertRefused("]d2" + "01" + OTHER_GTIN + "10L-2026-000123" + GS + "21C-2026-000123-01", Reason.NO_MATCH,
                "a GS1 code of GTIN " + OTHER_GTIN + ", lot L-2026-000123, serial C-2026-000123-01: no container of it");
        assertRefused("(01)" + OTHER_GTIN + "(10)L-2026-000123", Reason.NO_MATCH,
                "a GS1 code of GTIN " + OTHER_GTIN + ", lot L-2026-000123: no lot of it");
    }

    @Test
    void anUnknownIdSaysWhatWasScanned() {
        assertRefused("X-99", Reason.UNKNOWN_CODE, "not a code OpenEBR knows: 'X-99' is no container, lot or equipment unit");
        assertRefused("hello world", Reason.UNKNOWN_CODE, "not a code OpenEBR knows: 'hello world'");
        assertRefused("\u0007", Reason.UNKNOWN_CODE, "not a code OpenEBR knows: '<U+0007>'");
        assertRefused("   \r\n", Reason.UNKNOWN_CODE, "the scan is empty");
        assertRefused(null, Reason.UNKNOWN_CODE, "the scan is empty");
    }

    @Test
    void gs1ProblemsReachTheScanner() {
        assertRefused("]d2" + "01" + "04012345000017", Reason.CHECK_DIGIT, "GTIN 04012345000017 has a wrong check digit");
        assertRefused("]d2" + "01" + GTIN + "17271301", Reason.IMPOSSIBLE_DATE, "there is no month 13");
        assertRefused("]d2" + "01" + GTIN + "11261203", Reason.UNKNOWN_AI, "does not read");
        assertRefused("]d2" + "01" + "0401234", Reason.TRUNCATED, "(01) GTIN needs 14 digits and has 7");
        assertRefused("0104012345000016" + "1727", Reason.TRUNCATED, "(17) expiry date needs 6 digits and has 2");
    }

    @Test
    void anIdNamingTwoThingsIsRefused() {
        ScanResolution clash = new ScanResolution(LocalDate.of(2026, 12, 3),
                List.of(LOTS, new Fixed(ScanKind.EQUIPMENT, Map.of("L-2026-000123", ""), "vessel L-2026-000123")));
        assertRefused(clash, "L-2026-000123", Reason.AMBIGUOUS, "'L-2026-000123' names 2 things: lot L-2026-000123,"
                + " vessel L-2026-000123");
    }

    private void assertRefused(String typed, Reason reason, String message) {
        assertRefused(resolution, typed, reason, message);
    }

    private static void assertRefused(ScanResolution resolution, String typed, Reason reason, String message) {
        assertThatThrownBy(() -> resolution.resolve(typed))
                .isInstanceOfSatisfying(ScanRefused.class, refused -> assertThat(refused.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    /** A target holding fixed ids (with the GTIN of their material); by GS1 nothing unless overridden. */
    private static class Fixed implements ScanTarget {
        final ScanKind kind;
        final Map<String, String> ids;
        final String description;

        Fixed(ScanKind kind, Map<String, String> ids, String description) {
            this.kind = kind;
            this.ids = ids;
            this.description = description;
        }

        @Override
        public ScanKind kind() {
            return kind;
        }

        @Override
        public Optional<Scanned> byId(String id) {
            return Objects.requireNonNull(id).isEmpty() || !ids.containsKey(id) ? Optional.empty()
                    : Optional.of(new Scanned(kind, id, description, null));
        }

        @Override
        public Optional<Scanned> byGs1(Gs1Code code) {
            return Optional.empty();
        }
    }
}
