import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * bin/ebr benchmark-api: authenticated API throughput against a running OpenEBR on this machine.
 * N concurrent clients for T seconds each against GET /health (no authentication), GET /me with
 * an API token (Bearer) and GET /me with HTTP Basic, in one run, so the figures are comparable on
 * a shared, noisy machine. Prints requests/s, p50/p99 latency and each as a ratio to /health.
 *
 * <p>Usage: java ApiBenchmark.java BASE_URL USER PASSWORD [CLIENTS] [SECONDS]
 * (BASE_URL e.g. http://127.0.0.1:8080/ebr/). Loopback only: it is a load generator.
 */
public final class ApiBenchmark {

    /** An upper bound per client and run, so that no loop is unbounded even if the clock misbehaves. */
    private static final int MAX_REQUESTS_PER_CLIENT = 5_000_000;

    record Result(String name, long requests, long errors, double seconds, long p50Nanos, long p99Nanos) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java ApiBenchmark.java BASE_URL USER PASSWORD [CLIENTS] [SECONDS]");
            System.exit(2);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        String user = args[1];
        String password = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        if (clients < 1 || clients > 256 || seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("CLIENTS must be 1..256 and SECONDS 1..600");
        }
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + base.getHost() + " is not this machine");
        }
        HttpClient http = client(base);
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(base.resolve("api/v1/auth/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bin/ebr benchmark-api\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("could not get an API token for " + user + ": HTTP " + issued.statusCode()
                    + " " + issued.body());
        }
        String token = field(issued.body(), "token");
        String tokenId = field(issued.body(), "id");
        String bearer = "Bearer " + token;

        System.out.printf("OpenEBR API benchmark: %s, %d clients, %d s per endpoint, %d cores, Java %s%n",
                base, clients, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version());
        // warm-up (not counted): the JIT and the connection pools of both sides
        run(http, base, "warm-up", "api/v1/health", null, clients, 2);
        run(http, base, "warm-up", "api/v1/me", bearer, clients, 2);

        List<Result> results = new ArrayList<>();
        results.add(run(http, base, "GET /health (none)", "api/v1/health", null, clients, seconds));
        results.add(run(http, base, "GET /me (Bearer token)", "api/v1/me", bearer, clients, seconds));
        results.add(run(http, base, "GET /me (HTTP Basic)", "api/v1/me", basic, clients, seconds));

        double health = results.get(0).perSecond();
        System.out.printf("%n%-24s %10s %10s %10s %10s %8s %12s%n", "endpoint (auth)", "requests", "req/s", "p50 ms",
                "p99 ms", "errors", "vs /health");
        for (Result r : results) {
            System.out.printf("%-24s %10d %10.1f %10.2f %10.2f %8d %11.3fx%n", r.name(), r.requests(), r.perSecond(),
                    r.p50Nanos() / 1e6, r.p99Nanos() / 1e6, r.errors(), r.perSecond() / health);
        }
        double ratio = results.get(1).perSecond() / health;
        System.out.printf("%nBearer token at %.2fx of /health (goal >= 0.5x): %s%n", ratio, ratio >= 0.5 ? "met" : "NOT met");

        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(base.resolve("api/v1/me/tokens/" + tokenId + "/revoke"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"benchmark finished\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("benchmark token " + tokenId + (revoked.statusCode() == 200 ? " revoked" : " NOT revoked: "
                + revoked.statusCode()));
    }

    private static Result run(HttpClient http, URI base, String name, String path, String authorization, int clients,
                              int seconds) throws Exception {
        HttpRequest.Builder template = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            template.header("Authorization", authorization);
        }
        HttpRequest request = template.build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        long[] errors = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Callable<long[]> work = () -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        errors[client]++;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            };
            futures.add(pool.submit(work));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long errorCount = Arrays.stream(errors).sum();
        return new Result(name, merged.length, errorCount, elapsed, percentile(merged, 50), percentile(merged, 99));
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** HTTP/1.1 with keep-alive; over HTTPS on loopback the server's self-signed certificate is accepted. */
    private static HttpClient client(URI base) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if ("https".equals(base.getScheme())) {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            builder.sslContext(tls);
        }
        return builder.build();
    }
}
