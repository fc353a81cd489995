package org.openebr.sim;

/**
 * The simulator's address space, as names other modules can refer to instead of repeating strings:
 * namespace {@value #NAMESPACE_URI}, string node ids, one folder per equipment unit. The ids are the
 * tags of the equipment master data in DOMAIN.md ("OPC UA on the simulated equipment").
 */
public final class EquipmentNodes {

    /** The namespace of every simulator node; its index is whatever the server's namespace table says. */
    public static final String NAMESPACE_URI = "urn:openebr:sim";

    /** Compounding vessel. */
    public static final String V101 = "V-101";
    /** Double, degC; a slow random walk around 22.5 (20-25 in normal operation). */
    public static final String V101_TEMPERATURE = "V-101.Temperature";
    /** Double, rpm; 200 +/- 5. */
    public static final String V101_AGITATOR_SPEED = "V-101.AgitatorSpeed";
    /** Boolean; true while the temperature is above {@link #TEMPERATURE_HIGH_LIMIT}. */
    public static final String V101_TEMPERATURE_HIGH = "V-101.Alarm.TemperatureHigh";

    /** Filling line (filler, stopperer, checkweigher). */
    public static final String FL01 = "FL-01";
    /** Double, g; one value per vial while the filler runs: 2.10 sd 0.01, about one outlier in 500. */
    public static final String FL01_FILL_WEIGHT = "FL-01.Checkweigher.FillWeight";
    /** Int64; vials passed by the checkweigher. */
    public static final String FL01_GOOD_COUNT = "FL-01.Filler.GoodCount";
    /** Int64; vials rejected by the checkweigher (about 1 %). */
    public static final String FL01_REJECT_COUNT = "FL-01.Filler.RejectCount";
    /** String; a {@link FillerState} name. */
    public static final String FL01_FILLER_STATE = "FL-01.Filler.State";
    /** Boolean; true while more than {@link #REJECT_RATE_HIGH_LIMIT} of the vials were rejected. */
    public static final String FL01_REJECT_RATE_HIGH = "FL-01.Alarm.RejectRateHigh";

    /** Folder of the benchmark nodes. */
    public static final String BENCH = "Bench";

    public static final double TEMPERATURE_HIGH_LIMIT = 27.0;
    public static final double REJECT_RATE_HIGH_LIMIT = 0.02;
    /**
     * The reject rate is judged only from this many vials on: over the first few dozen vials one or two
     * rejects would already be "more than 2 %".
     */
    public static final long REJECT_RATE_MIN_VIALS = 500;

    private EquipmentNodes() {
    }

    /** {@code Bench.Tag0000}, {@code Bench.Tag0001}, ... */
    public static String benchTag(int index) {
        return String.format("%s.Tag%04d", BENCH, index);
    }

    /**
     * The node id as OPC UA writes it with the namespace URI, which, unlike a namespace index, does
     * not depend on the server: {@code nsu=urn:openebr:sim;s=V-101.Temperature}.
     */
    public static String expandedNodeId(String id) {
        return "nsu=" + NAMESPACE_URI + ";s=" + id;
    }
}
