package org.openebr.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.EventFilterBuilder;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a client sees of the simulated equipment over a secured connection: values, streams, faults, events. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EquipmentSimulatorTest {

    @TempDir
    static Path dir;

    static TestClients.ClientIdentity clientIdentity;
    static EquipmentSimulator simulator;
    static OpcUaClient client;
    static UShort ns;

    @BeforeAll
    static void start() throws Exception {
        clientIdentity = TestClients.newClientIdentity(dir, "test-client");
        simulator = EquipmentSimulator.start(TestClients.config(dir.resolve("pki"), clientIdentity));
        client = TestClients.connect(simulator, clientIdentity);
        ns = client.getNamespaceTable().getIndex(EquipmentNodes.NAMESPACE_URI);
    }

    @AfterAll
    static void stop() {
        TestClients.disconnect(client);
        if (simulator != null) {
            simulator.stop();
        }
    }

    @AfterEach
    void normalOperation() {
        for (String id : simulator.nodeIds()) {
            simulator.releaseStatus(id);
            simulator.unfreeze(id);
        }
        simulator.set(EquipmentNodes.V101_TEMPERATURE, 22.5);
        simulator.setFillerState(FillerState.RUNNING);
    }

    @Test
    void every_node_reads_good_with_a_source_timestamp_and_a_value_of_normal_operation() throws Exception {
        Instant readAt = Instant.now();
        List<String> ids = List.of(EquipmentNodes.V101_TEMPERATURE, EquipmentNodes.V101_AGITATOR_SPEED,
                EquipmentNodes.V101_TEMPERATURE_HIGH, EquipmentNodes.FL01_FILL_WEIGHT,
                EquipmentNodes.FL01_GOOD_COUNT, EquipmentNodes.FL01_REJECT_COUNT,
                EquipmentNodes.FL01_FILLER_STATE, EquipmentNodes.FL01_REJECT_RATE_HIGH);
        List<DataValue> values = client.readValues(0.0, TimestampsToReturn.Both, ids.stream().map(this::node).toList());

        assertThat(ns).isNotNull();
        for (DataValue value : values) {
            assertThat(value.statusCode().isGood()).isTrue();
            assertThat(value.sourceTime()).isNotNull();
            assertThat(value.sourceTime().getJavaInstant()).isBefore(readAt.plusSeconds(1))
                    .isAfter(readAt.minusSeconds(60));
            assertThat(value.serverTime()).isNotNull();
        }
        assertThat((Double) values.get(0).value().value()).isBetween(20.0, 25.0);
        assertThat((Double) values.get(1).value().value()).isBetween(195.0, 205.0);
        assertThat(values.get(2).value().value()).isEqualTo(false);
        assertThat((Double) values.get(3).value().value()).isBetween(1.9, 2.3);
        assertThat((Long) values.get(4).value().value()).isPositive();
        assertThat(values.get(5).value().value()).isInstanceOf(Long.class);
        assertThat(values.get(6).value().value()).isEqualTo("RUNNING");
        assertThat(values.get(7).value().value()).isEqualTo(false);
    }

    @Test
    void the_stronger_policy_and_an_x509_user_certificate_work_too() throws Exception {
        OpcUaClient rsaPss = TestClients.connect(simulator, clientIdentity, SecurityPolicy.Aes256_Sha256_RsaPss,
                new X509IdentityProvider(clientIdentity.certificate(), clientIdentity.keyPair().getPrivate()));
        try {
            DataValue value = rsaPss.readValue(0.0, TimestampsToReturn.Both,
                    node(EquipmentNodes.V101_AGITATOR_SPEED));
            assertThat(value.statusCode().isGood()).isTrue();
        } finally {
            TestClients.disconnect(rsaPss);
        }
    }

    @Test
    void a_subscription_gets_every_vial_weight_around_2_10_g() throws Exception {
        var received = new CopyOnWriteArrayList<DataValue>();
        OpcUaSubscription subscription = subscribe(EquipmentNodes.FL01_FILL_WEIGHT, received);
        try {
            // asked for 0 ("as fast as you can"), revised to the tick: the fastest a value changes
            assertThat(subscription.getMonitoredItems().get(0).getRevisedSamplingInterval())
                    .contains((double) simulator.config().tickMs());
            awaitUntil(() -> received.size() >= 60, Duration.ofSeconds(20));
        } finally {
            subscription.delete();
        }

        List<Double> weights = received.stream().map(v -> (Double) v.value().value()).toList();
        double mean = weights.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isCloseTo(2.10, within(0.01));
        assertThat(weights).allSatisfy(w -> assertThat(w).isBetween(1.9, 2.3));
        assertThat(received).allSatisfy(v -> assertThat(v.statusCode().isGood()).isTrue());
        // one value per vial: every notification is a new weighing, none merged or repeated
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i).sourceTime().getUtcTime())
                    .isGreaterThan(received.get(i - 1).sourceTime().getUtcTime());
        }
    }

    @Test
    void a_forced_bad_status_reaches_the_client_while_values_keep_coming() throws Exception {
        var received = new CopyOnWriteArrayList<DataValue>();
        OpcUaSubscription subscription = subscribe(EquipmentNodes.FL01_FILL_WEIGHT, received);
        try {
            awaitUntil(() -> !received.isEmpty(), Duration.ofSeconds(10));
            simulator.forceStatus(EquipmentNodes.FL01_FILL_WEIGHT, new StatusCode(StatusCodes.Bad_SensorFailure));

            awaitUntil(() -> received.stream().filter(v -> v.statusCode().isBad()).count() >= 3,
                    Duration.ofSeconds(10));
            DataValue read = client.readValue(0.0, TimestampsToReturn.Both, node(EquipmentNodes.FL01_FILL_WEIGHT));
            assertThat(read.statusCode().value()).isEqualTo(StatusCodes.Bad_SensorFailure);

            simulator.releaseStatus(EquipmentNodes.FL01_FILL_WEIGHT);
            int before = received.size();
            awaitUntil(() -> received.size() > before + 2 && received.get(received.size() - 1).statusCode().isGood(),
                    Duration.ofSeconds(10));
        } finally {
            subscription.delete();
        }
        assertThat(received.stream().filter(v -> v.statusCode().isBad()))
                .allSatisfy(v -> assertThat(v.statusCode().value()).isEqualTo(StatusCodes.Bad_SensorFailure));
    }

    @Test
    void an_uncertain_status_is_published_at_once_even_for_a_value_that_does_not_move() throws Exception {
        simulator.forceStatus(EquipmentNodes.FL01_FILLER_STATE, StatusCode.UNCERTAIN);

        DataValue read = client.readValue(0.0, TimestampsToReturn.Both, node(EquipmentNodes.FL01_FILLER_STATE));
        assertThat(read.statusCode().isUncertain()).isTrue();
        assertThat(read.value().value()).isEqualTo("RUNNING");
        assertThat(read.sourceTime().getJavaInstant()).isAfter(Instant.now().minusSeconds(5));
    }

    @Test
    void a_frozen_value_keeps_its_value_and_source_timestamp_a_flatline() throws Exception {
        simulator.freeze(EquipmentNodes.V101_TEMPERATURE);
        DataValue first = client.readValue(0.0, TimestampsToReturn.Both, node(EquipmentNodes.V101_TEMPERATURE));
        Thread.sleep(10 * simulator.config().tickMs());
        DataValue later = client.readValue(0.0, TimestampsToReturn.Both, node(EquipmentNodes.V101_TEMPERATURE));

        assertThat(later.value()).isEqualTo(first.value());
        assertThat(later.sourceTime()).isEqualTo(first.sourceTime());
        assertThat(later.statusCode().isGood()).isTrue();
        assertThat(later.serverTime().getUtcTime()).isGreaterThan(first.serverTime().getUtcTime());
    }

    @Test
    void a_stopped_filler_stops_weighing_and_counting() throws Exception {
        simulator.setFillerState("stopped");
        Thread.sleep(3 * simulator.config().tickMs());
        List<NodeId> nodes = List.of(node(EquipmentNodes.FL01_GOOD_COUNT), node(EquipmentNodes.FL01_FILL_WEIGHT),
                node(EquipmentNodes.FL01_FILLER_STATE));
        List<DataValue> first = client.readValues(0.0, TimestampsToReturn.Both, nodes);
        Thread.sleep(10 * simulator.config().tickMs());
        List<DataValue> later = client.readValues(0.0, TimestampsToReturn.Both, nodes);

        assertThat(later.get(0).value()).isEqualTo(first.get(0).value());
        assertThat(later.get(1).sourceTime()).isEqualTo(first.get(1).sourceTime());
        assertThat(later.get(2).value().value()).isEqualTo("STOPPED");
    }

    @Test
    void a_high_temperature_raises_the_alarm_variable_and_events_on_v101() throws Exception {
        var events = new CopyOnWriteArrayList<Variant[]>();
        var subscription = new OpcUaSubscription(client, 50.0);
        subscription.create();
        var filter = new EventFilterBuilder()
                .select(NodeIds.BaseEventType, new QualifiedName(0, "SourceName"))
                .select(NodeIds.BaseEventType, new QualifiedName(0, "Message"))
                .select(NodeIds.BaseEventType, new QualifiedName(0, "Severity"))
                .build();
        OpcUaMonitoredItem eventItem = OpcUaMonitoredItem.newEventItem(node(EquipmentNodes.V101), filter);
        eventItem.setQueueSize(uint(10));
        eventItem.setEventValueListener((item, values) -> events.add(values));
        subscription.addMonitoredItem(eventItem);
        subscription.synchronizeMonitoredItems();
        try {
            simulator.set(EquipmentNodes.V101_TEMPERATURE, 28.0);
            awaitUntil(() -> events.size() >= 1, Duration.ofSeconds(10));
            DataValue alarm = client.readValue(0.0, TimestampsToReturn.Both,
                    node(EquipmentNodes.V101_TEMPERATURE_HIGH));
            assertThat(alarm.value().value()).isEqualTo(true);

            simulator.set(EquipmentNodes.V101_TEMPERATURE, 22.5);
            awaitUntil(() -> events.size() >= 2, Duration.ofSeconds(10));
        } finally {
            subscription.delete();
        }

        assertThat(events.get(0)[0].value()).isEqualTo("V-101");
        assertThat(((LocalizedText) events.get(0)[1].value()).text()).startsWith("ACTIVE: V-101 temperature high");
        assertThat(events.get(0)[2].value()).isEqualTo(UShort.valueOf(700));
        assertThat(((LocalizedText) events.get(1)[1].value()).text()).startsWith("CLEARED:");
    }

    @Test
    void a_reject_rate_above_2_percent_raises_the_fl01_alarm() throws Exception {
        simulator.set(EquipmentNodes.FL01_GOOD_COUNT, 1_000);
        simulator.set(EquipmentNodes.FL01_REJECT_COUNT, 50);
        awaitUntil(() -> Boolean.TRUE.equals(simulator.value(EquipmentNodes.FL01_REJECT_RATE_HIGH).value().value()),
                Duration.ofSeconds(5));

        simulator.set(EquipmentNodes.FL01_REJECT_COUNT, 5);
        awaitUntil(() -> Boolean.FALSE.equals(simulator.value(EquipmentNodes.FL01_REJECT_RATE_HIGH).value().value()),
                Duration.ofSeconds(5));
    }

    private OpcUaSubscription subscribe(String id, List<DataValue> received) throws Exception {
        var subscription = new OpcUaSubscription(client, 50.0);
        subscription.create();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node(id));
        item.setSamplingInterval(0.0);
        item.setQueueSize(uint(100));
        item.setDataValueListener((monitoredItem, value) -> received.add(value));
        subscription.addMonitoredItem(item);
        subscription.synchronizeMonitoredItems();
        return subscription;
    }

    private NodeId node(String id) {
        return new NodeId(ns, id);
    }

    static void awaitUntil(Condition condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }
}
