import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bin/ebr benchmark-erp: the ERP interface of a running OpenEBR on this machine (demo mode, best on a
 * database of its own), each figure beside a baseline measured in the same run:
 * <ol>
 * <li>orders in per second (POST /erp/orders, CLIENTS concurrent clients, each order a new PLANNED batch of
 * the demo recipe) against a plain authenticated no-op request (GET /me with the same token, same clients);</li>
 * <li>confirmations relayed per second from the outbox to the local receiver the server pushes to (the fake
 * ERP of bin/ebr start), against posting the same body to that receiver directly, one at a time as the
 * relay does. The outbox is filled directly with SQL (as the database owner) for the batches of step 1, so
 * that the relay alone is measured.</li>
 * </ol>
 *
 * <p>Usage: java ErpBenchmark.java BASE_URL DEMO_PASSWORD RECEIVER_URL PSQL_CONNINFO [CLIENTS] [SECONDS] [MESSAGES]
 * (the database owner's password in EBR_BENCH_PG_PASSWORD).
 */
public final class ErpBenchmark {

    /** The successful calls of the last {@link #rate} measurement. */
    private static long lastOk;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java ErpBenchmark.java BASE_URL DEMO_PASSWORD RECEIVER_URL PSQL_CONNINFO"
                    + " [CLIENTS] [SECONDS] [MESSAGES]");
            System.exit(2);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        String password = args[1];
        URI receiver = URI.create(args[2]);
        String conninfo = args[3];
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        int messages = args.length > 6 ? Integer.parseInt(args[6]) : 2000;
        for (URI u : List.of(base, receiver)) {
            if (!InetAddress.getByName(u.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("loopback only: " + u.getHost() + " is not this machine");
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, base, "erp-client", password);
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        System.out.printf("ERP interface benchmark: %d clients, %d s per measurement, %d messages relayed%n", clients,
                seconds, messages);

        // 1. orders in, against an authenticated no-op
        double noop = rate(clients, seconds, (client, i) -> send(http, HttpRequest.newBuilder(base.resolve("api/v1/me"))
                .header("Authorization", "Bearer " + token).GET()) == 200);
        String due = LocalDate.now().plusDays(14).toString();
        double orders = rate(clients, seconds, (client, i) -> send(http, HttpRequest.newBuilder(
                        base.resolve("api/v1/erp/orders")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"orderNumber\":\"BENCH-" + run + "-" + client + "-" + i + "\",\"material\":\"FG-DEMOPROFEN-2ML\","
                                + "\"quantity\":45,\"unit\":\"L\",\"dueDate\":\"" + due + "\"}"))) == 201);
        long ordered = lastOk;
        System.out.printf("  authenticated no-op (GET /me):        %8.1f requests/s%n", noop);
        System.out.printf("  orders in (POST /erp/orders):         %8.1f orders/s     ratio %.2fx of the no-op%n", orders,
                orders / noop);

        // 2. the relay, against posting to the receiver directly
        String body = "{\"format\":\"openebr-erp-confirmation/1\",\"kind\":\"BENCHMARK\",\"run\":\"" + run + "\"}";
        int direct = Math.min(messages, 2000);
        long start = System.nanoTime();
        for (int i = 0; i < direct; i++) {
            send(http, HttpRequest.newBuilder(receiver).header("Content-Type", "application/json")
                    .header("X-Message-Id", "bench-direct-" + run + "-" + i).POST(HttpRequest.BodyPublishers.ofString(body)));
        }
        double directRate = direct / ((System.nanoTime() - start) / 1e9);
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin1:" + password).getBytes(StandardCharsets.UTF_8));
        long deliveredBefore = delivered(http, base, admin);
        int batches = 100;
        int perBatch = Math.max(1, messages / batches);
        psql(conninfo, "INSERT INTO ebr.erp_message (message_id, batch_id, batch_seq, kind, body, created_at, state,"
                + " attempts, next_attempt_at) SELECT gen_random_uuid(), o.batch_id, g, 'BENCHMARK', '" + body + "', now(),"
                + " 'PENDING', 0, now() FROM (SELECT batch_id FROM ebr.erp_order WHERE order_number LIKE 'BENCH-" + run
                + "-%' ORDER BY batch_id LIMIT " + batches + ") o CROSS JOIN generate_series(1, " + perBatch + ") g");
        long inserted = Math.min(batches, ordered) * perBatch;
        start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        long done;
        do {
            Thread.sleep(200);
            done = delivered(http, base, admin) - deliveredBefore;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay delivered " + done + " of " + inserted + " in 10 minutes");
            }
        } while (done < inserted);
        double relayRate = done / ((System.nanoTime() - start) / 1e9);
        System.out.printf("  direct POST to the receiver:          %8.1f messages/s (one at a time)%n", directRate);
        System.out.printf("  relayed from the outbox:              %8.1f messages/s   ratio %.2fx of direct (%d messages,"
                + " %d batches)%n", relayRate, relayRate / directRate, done, Math.min(batches, ordered));
    }

    interface Call {
        boolean ok(int client, long i) throws Exception;
    }

    /** Successful calls per second of CLIENTS clients for SECONDS. */
    private static double rate(int clients, int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                for (long i = 0; System.nanoTime() < end && i < 10_000_000; i++) {
                    if (call.ok(client, i)) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        lastOk = ok.get();
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static int send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String token(HttpClient http, URI base, String user, String password) throws Exception {
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(base.resolve("api/v1/auth/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark-erp\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued.body());
        if (issued.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("no token for " + user + ": HTTP " + issued.statusCode() + " " + issued.body());
        }
        return m.group(1);
    }

    private static long delivered(HttpClient http, URI base, String admin) throws Exception {
        HttpResponse<String> overview = http.send(HttpRequest.newBuilder(base.resolve("api/v1/erp/overview"))
                .header("Authorization", admin).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"delivered\":(\\d+)").matcher(overview.body());
        if (overview.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("GET erp/overview: HTTP " + overview.statusCode() + " " + overview.body());
        }
        return Long.parseLong(m.group(1));
    }

    private static void psql(String conninfo, String sql) throws Exception {
        ProcessBuilder psql = new ProcessBuilder("psql", "-v", "ON_ERROR_STOP=1", "-q", conninfo, "-c", sql)
                .redirectErrorStream(true);
        psql.environment().put("PGPASSWORD", System.getenv().getOrDefault("EBR_BENCH_PG_PASSWORD", ""));
        Process p = psql.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
    }
}
