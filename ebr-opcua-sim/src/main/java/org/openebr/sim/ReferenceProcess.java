package org.openebr.sim;

import java.util.List;
import java.util.Random;

/**
 * The physics of the reference process, one step per tick: the temperature of V-101 drifts slowly
 * around 22.5 °C, the agitator holds 200 rpm, and a running filler fills one vial per tick, which the
 * checkweigher weighs and passes or rejects. The model starts each step from what the tags show, so a
 * value set by a test is where the process goes on from (and a frozen tag stays where it is).
 * <p>
 * Every step draws the same random numbers in the same order whatever happens, so the same seed gives
 * the same sequence of values.
 */
final class ReferenceProcess {

    static final double TEMPERATURE_SETPOINT = 22.5;
    static final double AGITATOR_SETPOINT = 200.0;
    static final double FILL_WEIGHT_TARGET = 2.10;
    static final double FILL_WEIGHT_SD = 0.01;
    /** The action limits of the fill weight; the checkweigher rejects a vial outside them. */
    static final double FILL_WEIGHT_LOW = 2.06;
    static final double FILL_WEIGHT_HIGH = 2.14;

    private final Random random;
    private final SimulatedTag temperature;
    private final SimulatedTag agitator;
    private final SimulatedTag temperatureHigh;
    private final SimulatedTag fillWeight;
    private final SimulatedTag goodCount;
    private final SimulatedTag rejectCount;
    private final SimulatedTag fillerState;
    private final SimulatedTag rejectRateHigh;
    private final List<SimulatedTag> benchTags;
    private long step;

    ReferenceProcess(EquipmentNamespace nodes, long seed) {
        this.random = new Random(seed);
        this.temperature = nodes.tag(EquipmentNodes.V101_TEMPERATURE);
        this.agitator = nodes.tag(EquipmentNodes.V101_AGITATOR_SPEED);
        this.temperatureHigh = nodes.tag(EquipmentNodes.V101_TEMPERATURE_HIGH);
        this.fillWeight = nodes.tag(EquipmentNodes.FL01_FILL_WEIGHT);
        this.goodCount = nodes.tag(EquipmentNodes.FL01_GOOD_COUNT);
        this.rejectCount = nodes.tag(EquipmentNodes.FL01_REJECT_COUNT);
        this.fillerState = nodes.tag(EquipmentNodes.FL01_FILLER_STATE);
        this.rejectRateHigh = nodes.tag(EquipmentNodes.FL01_REJECT_RATE_HIGH);
        this.benchTags = nodes.benchTags();
    }

    void step() {
        step++;
        // drawn every step, used or not: the sequence depends on the seed only
        double temperatureNoise = random.nextGaussian();
        double agitatorNoise = random.nextGaussian();
        double weightNoise = random.nextGaussian();
        boolean outlier = random.nextInt(500) == 0;
        boolean outlierHigh = random.nextBoolean();
        double otherReject = random.nextDouble();

        // mean-reverting walks: sd about 0.3 °C and 1 rpm around the set points, minutes to drift
        double t = number(temperature);
        temperature.offer(round(t + 0.002 * (TEMPERATURE_SETPOINT - t) + 0.02 * temperatureNoise, 2));
        double a = number(agitator);
        agitator.offer(round(a + 0.05 * (AGITATOR_SETPOINT - a) + 0.3 * agitatorNoise, 1));
        temperatureHigh.offer(number(temperature) > EquipmentNodes.TEMPERATURE_HIGH_LIMIT);

        if (FillerState.RUNNING.name().equals(fillerState.value())) {
            double weight = outlier
                    ? (outlierHigh ? 2.20 : 1.98)
                    : round(FILL_WEIGHT_TARGET + FILL_WEIGHT_SD * weightNoise, 3);
            fillWeight.measure(weight);
            // outside the action limits, or (0.8 %) stopper, cap or vision reject
            boolean rejected = weight < FILL_WEIGHT_LOW || weight > FILL_WEIGHT_HIGH || otherReject < 0.008;
            SimulatedTag counter = rejected ? rejectCount : goodCount;
            counter.offer(count(counter) + 1);
        }
        long good = count(goodCount);
        long rejects = count(rejectCount);
        long vials = good + rejects;
        rejectRateHigh.offer(vials >= EquipmentNodes.REJECT_RATE_MIN_VIALS
                && rejects > EquipmentNodes.REJECT_RATE_HIGH_LIMIT * vials);

        for (int i = 0; i < benchTags.size(); i++) {
            benchTags.get(i).measure(step + i / 100_000.0);
        }
    }

    private static double number(SimulatedTag tag) {
        return tag.value() instanceof Number n ? n.doubleValue() : 0.0;
    }

    private static long count(SimulatedTag tag) {
        return tag.value() instanceof Number n ? n.longValue() : 0L;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
