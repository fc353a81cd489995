import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * bin/ebr benchmark-execution: batch execution over the REST API against a running OpenEBR on this
 * machine, with 8 and 64 concurrent operators, each on batches of their own, measured against the
 * same PostgreSQL in the same run.
 *
 * <ol>
 *   <li>Value entries without a signature against {@code pgbench -N} (TPC-B-like without branch
 *       updates) on a scratch database: goal at least 0.5x its TPS, p99 under 100 ms at 64 clients.</li>
 *   <li>Entries completed with a PERFORMED signature (entry, nonce, signature with the password):
 *       each signing re-authenticates, so the physical limit is the password hash, cores / time of one
 *       PBKDF2 hash as the server computes it (measured here): goal at least 0.8x of that bound; and a
 *       paced run of 64 operators each signing once every 30 s: goal p99 under 1 s.</li>
 * </ol>
 *
 * <p>The batches follow a benchmark recipe of their own, imported once and made effective by the demo
 * author and approver with their signatures: many NUMERIC_ENTRY steps that all run in parallel
 * and need no material or equipment, so that one batch gives many entries. Its batches stay in the
 * database: run the benchmark against a server of its own database ({@code EBR_DB_NAME}).
 *
 * <p>Usage: java ExecutionBenchmark.java BASE_URL DEMO_PASSWORD PG_HOST PG_PORT PG_USER PG_DATABASE
 * [SECONDS] [PACED_SECONDS] (the PostgreSQL password in the environment variable
 * EBR_BENCH_PG_PASSWORD; BASE_URL e.g. http://127.0.0.1:8080/ebr/). With the server's process id in
 * EBR_BENCH_SERVER_PID (Linux) it also prints the server's CPU time per operation, the figure that
 * other programs' load on a shared machine distorts least. Loopback only: it is a load generator.
 */
public final class ExecutionBenchmark {

    static final String RECIPE = "BENCH-EXEC-40";
    static final int STEPS = 40;
    static final int[] CLIENTS = {8, 64};
    /** Entries per second a fast server might record; sizes the batches prepared for warm-up and calibration. */
    static final int OPTIMISTIC_RATE = 600;
    static final String[] OPERATORS = {"operator1", "operator2"};
    static final String AUTHOR = "author1";
    static final String APPROVER = "approver1";
    static final String SUPERVISOR = "supervisor1";
    /** What the server's identity component uses (identity.control.PasswordHasher). */
    static final int PBKDF2_ITERATIONS = 600_000;
    static final Duration PACE = Duration.ofSeconds(30);
    static final int PACED_OPERATORS = 64;

    record Stats(String name, int clients, long ops, long errors, double seconds, long p50, long p95, long p99,
                 String firstError, double serverCpuMillis) {
        double perSecond() {
            return ops / seconds;
        }

        /** The server's CPU time per operation (its JVM's user + system time over the run), NaN when unknown. */
        double serverCpuPerOp() {
            return ops == 0 ? Double.NaN : serverCpuMillis / ops;
        }
    }

    /** A batch with the index of its next step not yet recorded. */
    record Slot(String batchId, int next) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String password;
    private final ConcurrentLinkedQueue<Slot> pool = new ConcurrentLinkedQueue<>();
    private final List<String[]> tokens = new ArrayList<>();
    /** The server's /proc/PID/stat, when its process id is known and this is Linux; else null. */
    private final Path serverStat;

    ExecutionBenchmark(URI base, String password, String serverPid) {
        this.base = base;
        this.password = password;
        Path stat = serverPid == null || serverPid.isBlank() ? null : Path.of("/proc", serverPid.strip(), "stat");
        this.serverStat = stat != null && Files.isReadable(stat) ? stat : null;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: java ExecutionBenchmark.java BASE_URL DEMO_PASSWORD PG_HOST PG_PORT PG_USER"
                    + " PG_DATABASE [SECONDS] [PACED_SECONDS]");
            System.exit(2);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + base.getHost() + " is not this machine");
        }
        int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 15;
        int paced = args.length > 7 ? Integer.parseInt(args[7]) : 60;
        if (seconds < 3 || seconds > 600 || paced < 30 || paced > 900) {
            throw new IllegalArgumentException("SECONDS must be 3..600 and PACED_SECONDS 30..900");
        }
        Pgbench pgbench = new Pgbench(args[2], args[3], args[4], args[5], System.getenv("EBR_BENCH_PG_PASSWORD"));
        new ExecutionBenchmark(base, args[1], System.getenv("EBR_BENCH_SERVER_PID")).run(pgbench, seconds, paced);
    }

    void run(Pgbench pgbench, int seconds, int paced) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "OpenEBR execution benchmark: %s, %d cores, Java %s, %s, %d s per run, paced run %d s,"
                + " load average %s%n", base, cores, Runtime.version(), Instant.now(), seconds, paced, loadAverage());
        String supervisor = signIn(SUPERVISOR);
        String recipe = effectiveRecipe();
        System.out.println("benchmark recipe " + RECIPE + " version " + recipe + " is effective (" + STEPS
                + " parallel numeric steps, no material or equipment)");
        String[] operators = new String[Math.max(CLIENTS[CLIENTS.length - 1], PACED_OPERATORS)];
        for (int i = 0; i < operators.length; i++) {
            operators[i] = OPERATORS[i % OPERATORS.length];
        }
        String[] bearer = new String[operators.length];
        parallel(operators.length, 8, i -> bearer[i] = signIn(operators[i]));
        System.out.println(operators.length + " operator sessions signed in (API tokens of "
                + String.join(", ", OPERATORS) + ")");

        // --- a: value entries without a signature, against pgbench -N --------------------------------
        List<Stats> unsigned = new ArrayList<>();
        List<Pgbench.Result> pg = new ArrayList<>();
        for (int clients : CLIENTS) {
            pg.add(pgbench.run(clients, seconds));
            // warm-up and calibration take what a fast server records in their 8 seconds (a client that
            // runs out of prepared batches stops, and the rate measured would be too low)
            supply(supervisor, clients, 8L * OPTIMISTIC_RATE);
            entries("warm-up", clients, 5, bearer, operators, false);
            supply(supervisor, clients, 3L * OPTIMISTIC_RATE);
            double rate = Math.max(entries("calibration", clients, 3, bearer, operators, false).perSecond(), 1);
            supply(supervisor, clients, (long) Math.ceil(rate * seconds * 3) + 2L * clients);
            unsigned.add(entries("entries", clients, seconds, bearer, operators, false));
        }

        // --- b: entries with a PERFORMED signature, against cores / one password hash -----------------
        Hash hash = hash(1);
        double hashMillis = hash.wallMillis();
        double parallelHashMillis = hash(cores).wallMillis();
        double bound = cores * 1000.0 / parallelHashMillis;
        List<Stats> signed = new ArrayList<>();
        for (int clients : CLIENTS) {
            supply(supervisor, clients, (long) Math.ceil(bound * seconds * 1.5) + 2L * clients);
            entries("warm-up", clients, 2, bearer, operators, true);
            signed.add(entries("signed entries", clients, seconds, bearer, operators, true));
        }
        supply(supervisor, PACED_OPERATORS, (long) PACED_OPERATORS * (paced / PACE.toSeconds() + 2));
        Stats pacedRun = paced(PACED_OPERATORS, paced, bearer, operators);

        // --- the figures ------------------------------------------------------------------------------
        System.out.printf(Locale.ROOT, "%n%-40s %7s %8s %9s %8s %8s %8s %7s %12s%n", "a. value entries (no signature)",
                "clients", "ops", "per s", "p50 ms", "p95 ms", "p99 ms", "errors", "srv CPU ms/op");
        for (int i = 0; i < CLIENTS.length; i++) {
            Pgbench.Result p = pg.get(i);
            System.out.printf(Locale.ROOT, "%-40s %7d %8d %9.1f %8.2f %8.2f %8.2f %7d %12s%n", "pgbench -N (TPC-B-like, scratch db)",
                    p.clients(), p.transactions(), p.tps(), p.p50() / 1e3, p.p95() / 1e3, p.p99() / 1e3, p.failed(), "");
            print(unsigned.get(i));
        }
        for (int i = 0; i < CLIENTS.length; i++) {
            double ratio = unsigned.get(i).perSecond() / pg.get(i).tps();
            boolean last = i == CLIENTS.length - 1;
            System.out.printf(Locale.ROOT, "  %d clients: entries at %.3fx of pgbench -N TPS%s%n", CLIENTS[i], ratio,
                    last ? String.format(Locale.ROOT, " (goal >= 0.5x: %s), p99 %.1f ms (goal < 100 ms: %s)",
                            ratio >= 0.5 ? "met" : "NOT met", unsigned.get(i).p99() / 1e6,
                            unsigned.get(i).p99() < 100_000_000L ? "met" : "NOT met") : "");
        }
        System.out.printf(Locale.ROOT, "%nb. signed entries: one PBKDF2-HMAC-SHA256 hash (%,d iterations, as the server's) takes"
                + " %.1f ms here alone (%.1f ms of CPU) and %.1f ms with %d at once (medians, this JVM, in this run); bound ="
                + " %d cores / %.1f ms = %.2f signings/s%n", PBKDF2_ITERATIONS, hashMillis, hash.cpuMillis(), parallelHashMillis,
                cores, cores, parallelHashMillis, bound);
        System.out.printf(Locale.ROOT, "%-40s %7s %8s %9s %8s %8s %8s %7s %12s%n", "entry + nonce + signature", "clients", "ops",
                "per s", "p50 ms", "p95 ms", "p99 ms", "errors", "srv CPU ms/op");
        for (Stats s : signed) {
            print(s);
        }
        print(pacedRun);
        for (int i = 0; i < CLIENTS.length; i++) {
            double ratio = signed.get(i).perSecond() / bound;
            System.out.printf(Locale.ROOT, "  %d clients: %.2f signed entries/s = %.3fx of the bound (goal >= 0.8x: %s)%n",
                    CLIENTS[i], signed.get(i).perSecond(), ratio, ratio >= 0.8 ? "met" : "NOT met");
        }
        System.out.printf(Locale.ROOT, "  paced, %d operators each signing once every %d s: p99 %.0f ms (goal < 1000 ms: %s)%n",
                PACED_OPERATORS, PACE.toSeconds(), pacedRun.p99() / 1e6, pacedRun.p99() < 1_000_000_000L ? "met" : "NOT met");
        for (Stats s : Stream.concat(Stream.concat(unsigned.stream(), signed.stream()), Stream.of(pacedRun)).toList()) {
            if (s.firstError() != null) {
                System.out.println("  first error of '" + s.name() + "' at " + s.clients() + " clients: " + s.firstError());
            }
        }
        if (serverStat != null) {
            // what the load of other programs on the machine distorts least: CPU time per operation
            Stats busiest = unsigned.get(unsigned.size() - 1);
            double perSigned = signed.get(0).serverCpuPerOp();
            System.out.printf(Locale.ROOT, "%nThe server's own CPU time (load-independent): %.1f ms per entry, so %d cores / %.1f ms"
                    + " = %.0f entries/s at most with the machine to itself (PostgreSQL's share not counted); %.1f ms per signed"
                    + " entry, of which one hash is %.1f ms of CPU: with the machine to itself the server signs at %.2fx of"
                    + " cores / hash CPU time (goal >= 0.8x: %s)%n", busiest.serverCpuPerOp(), cores, busiest.serverCpuPerOp(),
                    cores * 1000 / busiest.serverCpuPerOp(), perSigned, hash.cpuMillis(), hash.cpuMillis() / perSigned,
                    hash.cpuMillis() / perSigned >= 0.8 ? "met" : "NOT met");
        }
        System.out.println("load average at the end: " + loadAverage());
        revokeTokens();
    }

    private static void print(Stats s) {
        System.out.printf(Locale.ROOT, "%-40s %7d %8d %9.1f %8.2f %8.2f %8.2f %7d %12s%n", "REST: " + s.name(), s.clients(),
                s.ops(), s.perSecond(), s.p50() / 1e6, s.p95() / 1e6, s.p99() / 1e6, s.errors(),
                Double.isNaN(s.serverCpuPerOp()) ? "-" : String.format(Locale.ROOT, "%.1f", s.serverCpuPerOp()));
    }

    /** The 1, 5 and 15 minute load averages (Linux), to judge how much of the machine the run had. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    /** The server JVM's user + system CPU time in ms (clock ticks of 10 ms), NaN when not known. */
    private double serverCpuMillis() {
        if (serverStat == null) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(serverStat);
            // after the command name in parentheses: state is field 3, utime 14 and stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    // --- the runs ---------------------------------------------------------------------------------------

    /**
     * Clients operators for the given seconds, each recording the next step of its own batch (and,
     * when signed, signing it PERFORMED with a fresh nonce and its password); the latency of one
     * operation is from the entry's request to the last answer.
     */
    private Stats entries(String name, int clients, int seconds, String[] bearer, String[] operators, boolean signed)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        double cpu = serverCpuMillis();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Callable<long[]> work = () -> {
                long[] latencies = new long[256];
                int n = 0;
                Slot slot = null;
                while (System.nanoTime() < deadline) {
                    if (slot == null || slot.next() >= STEPS) {
                        slot = pool.poll();
                        if (slot == null) {
                            fail(errors, firstError, "ran out of prepared batches");
                            break;
                        }
                    }
                    long t0 = System.nanoTime();
                    String failure = operation(bearer[client], operators[client], slot, signed);
                    long took = System.nanoTime() - t0;
                    slot = new Slot(slot.batchId(), slot.next() + 1);
                    if (failure != null) {
                        fail(errors, firstError, failure);
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                if (slot != null && slot.next() < STEPS) {
                    pool.add(slot);
                }
                return Arrays.copyOf(latencies, n);
            };
            results.add(threads.submit(work));
        }
        return collect(name, clients, start, threads, results, errors, firstError, cpu);
    }

    /** Operators who each record and sign one step every PACE, started evenly spread over the first PACE. */
    private Stats paced(int clients, int seconds, String[] bearer, String[] operators) throws Exception {
        double cpu = serverCpuMillis();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long pace = PACE.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Callable<long[]> work = () -> {
                List<Long> latencies = new ArrayList<>();
                Slot slot = pool.poll();
                for (long due = start + pace * client / clients; due < deadline && slot != null; due += pace) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    long t0 = System.nanoTime();
                    String failure = operation(bearer[client], operators[client], slot, true);
                    long took = System.nanoTime() - t0;
                    slot = slot.next() + 1 < STEPS ? new Slot(slot.batchId(), slot.next() + 1) : pool.poll();
                    if (failure != null) {
                        fail(errors, firstError, failure);
                    } else {
                        latencies.add(took);
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            };
            results.add(threads.submit(work));
        }
        return collect("paced signed entries (1 per 30 s each)", clients, start, threads, results, errors, firstError, cpu);
    }

    private Stats collect(String name, int clients, long start, ExecutorService threads, List<Future<long[]>> results,
                          AtomicLong errors, AtomicReference<String> firstError, double cpuBefore) throws Exception {
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Stats(name, clients, sorted.length, errors.get(), elapsed, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), firstError.get(), serverCpuMillis() - cpuBefore);
    }

    private static void fail(AtomicLong errors, AtomicReference<String> first, String failure) {
        errors.incrementAndGet();
        first.compareAndSet(null, failure);
    }

    /** One step recorded with an in-spec value (and signed PERFORMED); null when it went through, else what failed. */
    private String operation(String bearer, String user, Slot slot, boolean signed) throws IOException, InterruptedException {
        String step = stepId(slot.next());
        String value = String.format(Locale.ROOT, "%.2f", 45.20 + ThreadLocalRandom.current().nextInt(15) / 100.0);
        HttpResponse<String> entered = post(bearer, "api/v1/batches/" + slot.batchId() + "/steps/" + step + "/entries",
                "{\"value\":" + value + ",\"unit\":\"kg\"}");
        if (entered.statusCode() != 201) {
            return "entry " + entered.statusCode() + " " + entered.body();
        }
        if (!signed) {
            return null;
        }
        HttpResponse<String> nonce = post(bearer, "api/v1/signatures/nonces", "");
        if (nonce.statusCode() != 201) {
            return "nonce " + nonce.statusCode() + " " + nonce.body();
        }
        HttpResponse<String> signature = post(bearer, "api/v1/signatures", "{\"recordType\":\"BATCH_STEP\",\"recordId\":\""
                + slot.batchId() + ":" + step + "\",\"meaning\":\"PERFORMED\",\"userName\":\"" + user + "\",\"password\":"
                + quoted(password) + ",\"nonce\":\"" + field(nonce.body(), "nonce") + "\"}");
        return signature.statusCode() == 201 ? null : "signature " + signature.statusCode() + " " + signature.body();
    }

    // --- set-up through the API -------------------------------------------------------------------------

    /** The benchmark recipe's effective version: imported, signed by author and approver and made effective when missing. */
    private String effectiveRecipe() throws IOException, InterruptedException {
        String author = signIn(AUTHOR);
        HttpResponse<String> effective = get(author, "api/v1/recipes/" + RECIPE + "/effective");
        if (effective.statusCode() == 200) {
            return number(effective.body(), "version");
        }
        HttpResponse<String> existing = get(author, "api/v1/recipes/" + RECIPE);
        String version;
        if (existing.statusCode() == 404) {
            version = number(expect(post(author, "api/v1/recipes/import?reason=benchmark%20recipe", recipeDocument()), 201)
                    .body(), "version");
        } else {
            version = number(expect(existing, 200).body(), "version");
        }
        String approver = signIn(APPROVER);
        sign(author, AUTHOR, "RECIPE_VERSION", RECIPE + ":" + version, "PERFORMED");
        sign(approver, APPROVER, "RECIPE_VERSION", RECIPE + ":" + version, "APPROVED");
        expect(post(approver, "api/v1/recipes/" + RECIPE + "/versions/" + version + "/effective",
                "{\"reason\":\"benchmark recipe released for bin/ebr benchmark-execution\"}"), 200);
        return version;
    }

    /** STEPS numeric steps that all run at once: make-up net weights within 45.17-45.37 kg. */
    private static String recipeDocument() {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < STEPS; i++) {
            steps.append(i == 0 ? "" : ",").append("{\"id\":\"").append(stepId(i)).append("\",\"name\":\"Net weight, drum ")
                    .append(i + 1).append("\",\"type\":\"NUMERIC_ENTRY\",\"after\":[],\"numeric\":{\"unit\":\"kg\",")
                    .append("\"precision\":2,\"target\":45.27,\"lower\":45.17,\"upper\":45.37},\"equipmentChecks\":[],")
                    .append("\"signatures\":{\"verifierRequired\":false}}");
        }
        return "{\"recipeId\":\"" + RECIPE + "\",\"version\":1,\"product\":\"Benchmark: parallel numeric entries\","
                + "\"material\":\"FG-DEMOPROFEN-2ML\",\"nominalBatchSize\":45.0,\"batchSizeUnit\":\"L\",\"parameters\":[],"
                + "\"formula\":[],\"unitProcedures\":[{\"id\":\"readings\",\"name\":\"Readings\",\"operations\":[{\"id\":"
                + "\"weights\",\"name\":\"Net weights\",\"steps\":[" + steps + "]}]}]}";
    }

    private static String stepId(int index) {
        return String.format(Locale.ROOT, "w%02d", index + 1);
    }

    /** Batches created and dispatched by the supervisor until the prepared steps cover the entries wanted. */
    private void supply(String supervisor, int clients, long entries) throws Exception {
        long have = pool.stream().mapToLong(s -> STEPS - s.next()).sum();
        // at least a fresh batch per client and as many spare: a client may start on a batch nearly used up
        int missing = (int) Math.max(0, Math.max((entries - have + STEPS - 1) / STEPS, 2L * clients - pool.size()));
        long t0 = System.nanoTime();
        parallel(missing, 4, i -> {
            String batch = field(expect(post(supervisor, "api/v1/batches", "{\"recipeId\":\"" + RECIPE
                    + "\",\"plannedQuantity\":45,\"unit\":\"L\",\"reason\":\"bin/ebr benchmark-execution\"}"), 201).body(),
                    "batchId");
            expect(post(supervisor, "api/v1/batches/" + batch + "/dispatch", "{\"reason\":\"benchmark\"}"), 200);
            pool.add(new Slot(batch, 0));
        });
        if (missing > 0) {
            System.out.printf(Locale.ROOT, "prepared %d batches (%d steps each) in %.1f s%n", missing, STEPS,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    interface Task {
        void run(int index) throws Exception;
    }

    private static void parallel(int count, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Object>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            done.add(pool.submit(() -> {
                task.run(index);
                return null;
            }));
        }
        for (Future<Object> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** Signs in once with the password (HTTP Basic) for an API token; the runs then use Bearer, as a terminal session would. */
    private String signIn(String user) throws IOException, InterruptedException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = expect(http.send(HttpRequest.newBuilder(base.resolve("api/v1/auth/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bin/ebr benchmark-execution\"}")).build(),
                HttpResponse.BodyHandlers.ofString()), 201);
        String bearer = "Bearer " + field(issued.body(), "token");
        synchronized (tokens) {
            tokens.add(new String[] {bearer, field(issued.body(), "id")});
        }
        return bearer;
    }

    private void revokeTokens() throws IOException, InterruptedException {
        int revoked = 0;
        for (String[] token : tokens) {
            if (post(token[0], "api/v1/me/tokens/" + token[1] + "/revoke", "{\"reason\":\"benchmark finished\"}")
                    .statusCode() == 200) {
                revoked++;
            }
        }
        System.out.println(revoked + " of " + tokens.size() + " benchmark tokens revoked");
    }

    private void sign(String bearer, String user, String type, String recordId, String meaning)
            throws IOException, InterruptedException {
        String nonce = field(expect(post(bearer, "api/v1/signatures/nonces", ""), 201).body(), "nonce");
        expect(post(bearer, "api/v1/signatures", "{\"recordType\":\"" + type + "\",\"recordId\":\"" + recordId
                + "\",\"meaning\":\"" + meaning + "\",\"userName\":\"" + user + "\",\"password\":" + quoted(password)
                + ",\"nonce\":\"" + nonce + "\"}"), 201);
    }

    private HttpResponse<String> post(String bearer, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String bearer, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    // --- the physical limit of a signing ----------------------------------------------------------------

    /** One hash's medians: wall-clock time and the hashing thread's CPU time. */
    record Hash(double wallMillis, double cpuMillis) {
    }

    /**
     * One PBKDF2 hash as the server computes it (same algorithm, iterations, key length), medians over
     * {@code threads} threads hashing at once (7 each after 2 for warm-up): with as many threads as
     * cores, what one hash takes when every core hashes, as on a saturated server.
     */
    static Hash hash(int threads) throws Exception {
        char[] secret = "the benchmark's password".toCharArray();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        long[] took = new long[7 * threads];
        long[] cpu = new long[7 * threads];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        parallel(threads, threads, t -> {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            for (int i = -2; i < 7; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                factory.generateSecret(new PBEKeySpec(secret, salt, PBKDF2_ITERATIONS, 256)).getEncoded();
                if (i >= 0) {
                    took[t * 7 + i] = System.nanoTime() - t0;
                    cpu[t * 7 + i] = mx.getCurrentThreadCpuTime() - c0;
                }
            }
        });
        Arrays.sort(took);
        Arrays.sort(cpu);
        return new Hash(took[took.length / 2] / 1e6, cpu[cpu.length / 2] / 1e6);
    }

    // --- pgbench ----------------------------------------------------------------------------------------

    /** pgbench -N on the scratch database the caller initialised (pgbench -i), with per-transaction logs for the percentiles. */
    record Pgbench(String host, String port, String user, String database, String password) {

        record Result(int clients, long transactions, long failed, double tps, long p50, long p95, long p99) {
        }

        /**
         * pgbench with the clients asked for, or as many as PostgreSQL has connection slots free (less a
         * margin for the servers that share it), said so: a shared cluster's max_connections is not ours.
         */
        Result run(int wanted, int seconds) throws IOException, InterruptedException {
            int free = freeConnections();
            int clients = Math.min(wanted, free - 6);
            if (clients < 1) {
                throw new IllegalStateException("PostgreSQL has no connection slots free for pgbench (" + free + ")");
            }
            if (clients < wanted) {
                System.out.printf(Locale.ROOT, "pgbench: only %d connection slots free on this PostgreSQL (max_connections is"
                        + " shared): pgbench -N runs with %d clients for the %d-client comparison%n", free, clients, wanted);
            }
            Path logs = Files.createTempDirectory("ebr-pgbench");
            try {
                int threads = Math.min(clients, Runtime.getRuntime().availableProcessors());
                ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-N", "-c", Integer.toString(clients), "-j",
                        Integer.toString(threads), "-T", Integer.toString(seconds), "-l", "--log-prefix="
                        + logs.resolve("tx"), "-h", host, "-p", port, "-U", user, database).redirectErrorStream(true);
                if (password != null) {
                    builder.environment().put("PGPASSWORD", password);
                }
                Process process = builder.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("pgbench failed: " + output);
                }
                Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
                if (!tps.find()) {
                    throw new IllegalStateException("no tps in pgbench's output: " + output);
                }
                Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
                // each log line: client, transaction, latency in microseconds, script, epoch, microseconds
                long[] latencies;
                try (Stream<Path> files = Files.list(logs)) {
                    latencies = files.flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (IOException e) {
                            throw new IllegalStateException("cannot read pgbench's log " + f, e);
                        }
                    }).mapToLong(line -> Long.parseLong(line.split(" ")[2])).sorted().toArray();
                }
                return new Result(clients, latencies.length, failed.find() ? Long.parseLong(failed.group(1)) : 0,
                        Double.parseDouble(tps.group(1)), percentile(latencies, 50), percentile(latencies, 95),
                        percentile(latencies, 99));
            } finally {
                try (Stream<Path> files = Files.list(logs)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(logs);
            }
        }

        /**
         * Connection slots free for ordinary roles now: max_connections less the superusers' reserve less
         * every backend (a role that is not a superuser cannot tell client backends from background workers).
         */
        int freeConnections() throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-At", "-h", host, "-p", port, "-U", user, "-d", database,
                    "-c", "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int"
                            + " - count(*) FROM pg_stat_activity").redirectErrorStream(true);
            if (password != null) {
                builder.environment().put("PGPASSWORD", password);
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0 || !output.matches("-?\\d+")) {
                throw new IllegalStateException("psql could not count PostgreSQL's free connection slots: " + output);
            }
            return Integer.parseInt(output);
        }
    }

    // --- small helpers ----------------------------------------------------------------------------------

    static long percentile(long[] sorted, int p) {
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

    /** The last value of a number field (a recipe's newest version is listed last). */
    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return last;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
