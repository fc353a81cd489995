package org.openebr.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * {@code bin/ebr benchmark-opcua [tags] [samplingMs] [seconds]}: machine values from the equipment simulator
 * into PostgreSQL, against Milo alone in the same run (issue 19). The simulator (in this JVM) changes
 * {@code tags} bench values every {@code samplingMs}; first a plain Milo client subscribes to all of them
 * for {@code seconds} and counts the notifications (the baseline: what OPC UA delivers); then the running
 * OpenEBR server (bin/ebr start) gets a connection and the same tags on an equipment unit of its own, and
 * the values it stores in the same time are counted from its value sink (received by its subscription,
 * written to process_value, lost to a full queue). Prints both rates, the ratio and the values lost.
 * Not a test: the figures depend on the machine; the ratio and the loss count are what to compare.
 */
public final class OpcUaBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String demoPassword;
    private final Map<String, String> tokens = new java.util.HashMap<>();

    private OpcUaBenchmark(String base, String demoPassword) {
        this.base = base;
        this.demoPassword = demoPassword;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: OpcUaBenchmark BASE_URL DEMO_PASSWORD SIM_PORT [tags] [samplingMs] [seconds]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[2]);
        int tags = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int sampling = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        new OpcUaBenchmark(args[0], args[1]).run(port, tags, sampling, seconds);
    }

    private void run(int port, int tags, int sampling, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("openebr-opcua-bench");
        TestClients.ClientIdentity milo = TestClients.newClientIdentity(dir, "benchmark-client");
        Path openebr = dir.resolve("openebr.pem");
        Files.writeString(openebr, get("admin1", "api/v1/opcua/client-certificate").body(), StandardCharsets.US_ASCII);
        String password = "bench-" + Long.toString(System.nanoTime(), 36);
        SimulatorConfig config = SimulatorConfig.defaults(dir.resolve("pki")).withPort(port).withUser(TestClients.USER,
                TestClients.PASSWORD).plusUser("openebr-bench", password).withTrustFiles(List.of(milo.pemFile(), openebr))
                .withBenchTags(tags).withTickMs(sampling);
        System.out.printf("OPC UA benchmark: %d tags changing every %d ms, sampled every %d ms, %d s per side%n", tags,
                sampling, sampling, seconds);
        try (EquipmentSimulator simulator = EquipmentSimulator.start(config)) {
            double alone = miloAlone(simulator, milo, tags, sampling, seconds);
            System.out.printf("  Milo alone:        %,12.0f notifications/s%n", alone);
            long[] stored = openebr(simulator, password, tags, sampling, seconds);
            double rate = stored[0] / (double) seconds;
            System.out.printf("  OpenEBR stored:    %,12.0f values/s into process_value%n", rate);
            System.out.printf("  ratio:             %12.2fx of Milo alone (goal >= 0.90)%n", rate / alone);
            System.out.printf("  lost:              %,12d values (received by OpenEBR's subscription, not stored: %,d;"
                    + " lost to a full queue: %,d)%n", stored[1] + stored[2], stored[1], stored[2]);
        }
    }

    /** Notifications per second a plain Milo client receives for all bench tags. */
    private static double miloAlone(EquipmentSimulator simulator, TestClients.ClientIdentity identity, int tags,
                                    int sampling, int seconds) throws Exception {
        OpcUaClient client = TestClients.connect(simulator, identity);
        try {
            AtomicLong count = new AtomicLong();
            OpcUaSubscription subscription = new OpcUaSubscription(client, sampling);
            subscription.create();
            List<OpcUaMonitoredItem> items = new ArrayList<>();
            int ns = client.getNamespaceTable().getIndex(EquipmentNodes.NAMESPACE_URI).intValue();
            for (int i = 0; i < tags; i++) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(ns, EquipmentNodes.benchTag(i)));
                item.setSamplingInterval(sampling);
                item.setQueueSize(Unsigned.uint(10));
                item.setDataValueListener((it, value) -> count.incrementAndGet());
                items.add(item);
            }
            subscription.addMonitoredItems(items);
            subscription.synchronizeMonitoredItems();
            Thread.sleep(3_000); // the initial values and the first round
            long start = count.get();
            Thread.sleep(seconds * 1000L);
            long received = count.get() - start;
            subscription.delete();
            return received / (double) seconds;
        } finally {
            TestClients.disconnect(client);
        }
    }

    /** Values OpenEBR stored in the window; values received but not stored; values lost to a full queue. */
    private long[] openebr(EquipmentSimulator simulator, String password, int tags, int sampling, int seconds)
            throws Exception {
        String unit = "OPCUA-BENCH-" + Long.toString(System.currentTimeMillis() % 1_000_000L, 36).toUpperCase();
        expect(post("maintenance1", "api/v1/equipment", "{\"equipmentId\":\"" + unit + "\",\"equipmentClass\":"
                + "\"filling machine\",\"description\":\"OPC UA benchmark unit\",\"location\":\"benchmark\","
                + "\"reason\":\"OPC UA benchmark\"}"), 201);
        String made = expect(post("admin1", "api/v1/opcua/connections", "{\"name\":\"benchmark " + unit + "\","
                + "\"endpointUrl\":\"" + simulator.endpointUrl() + "\",\"securityPolicy\":\"Basic256Sha256\","
                + "\"securityMode\":\"SignAndEncrypt\",\"identity\":\"USERNAME\",\"userName\":\"openebr-bench\","
                + "\"password\":\"" + password + "\",\"samplingMs\":" + sampling + "}"), 201);
        String id = field(made, "id");
        String path = "api/v1/opcua/connections/" + id;
        until(path, "UNTRUSTED_CERTIFICATE");
        expect(post("admin1", path + "/trust", "{\"thumbprint\":\"" + simulator.sha1Thumbprint() + "\",\"reason\":"
                + "\"benchmark: the simulator started by this program\"}"), 200);
        for (int i = 0; i < tags; i++) {
            expect(post("admin1", path + "/tags", "{\"equipmentId\":\"" + unit + "\",\"tag\":\"" + EquipmentNodes.benchTag(i)
                    + "\",\"nodeId\":\"" + EquipmentNodes.expandedNodeId(EquipmentNodes.benchTag(i)) + "\"}"), 201);
        }
        Thread.sleep(2_000); // the link starts again with all tags
        until(path, "CONNECTED");
        Thread.sleep(5_000);
        long[] before = figures();
        Thread.sleep(seconds * 1000L);
        long[] after = figures();
        long storedInWindow = after[1] - before[1];
        simulator.stop();
        // what arrived must be written: wait for the queue to drain, then compare received and stored
        long[] drained = figures();
        for (int i = 0; i < 60 && drained[3] > 0; i++) {
            Thread.sleep(500);
            drained = figures();
        }
        return new long[] {storedInWindow, drained[0] - drained[1] - drained[2], drained[2]};
    }

    /** received, stored, lost, queued of the server's value sink. */
    private long[] figures() throws Exception {
        String body = expect(get("admin1", "api/v1/opcua/figures"), 200);
        return new long[] {number(body, "received"), number(body, "stored"), number(body, "lost"), number(body, "queued")};
    }

    private void until(String path, String state) throws Exception {
        for (int i = 0; i < 120; i++) {
            if (field(expect(get("admin1", path), 200), "state").equals(state)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(path + " did not become " + state + ": " + get("admin1", path).body());
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token(user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String token(String user) throws Exception {
        String known = tokens.get(user);
        if (known != null) {
            return known;
        }
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/v1/auth/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + demoPassword)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark-opcua\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201 && issued.statusCode() != 200) {
            throw new IllegalStateException(user + " could not sign in (" + issued.statusCode() + "): " + issued.body());
        }
        String token = field(issued.body(), "token");
        tokens.put(user, token);
        return token;
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
