package org.openebr.audit.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (a program, not a test: it prints figures and asserts nothing): what the audit hash
 * chain costs business transactions, measured against the same writes without a chain.
 *
 * <p>Each writer transaction does what Envers does for a typical command: one revision row and two
 * audit rows, then commit. Three runs of equal length:
 * <ol>
 *   <li>plain Envers: no chain;</li>
 *   <li>OpenEBR's design: the chainer links committed revisions after commit, in its own
 *       transactions, while the writers write;</li>
 *   <li>the rejected design, for comparison: each writer links its own revision inside its
 *       transaction, which makes every writer wait for the previous one's commit.</li>
 * </ol>
 * Run with {@code bin/ebr benchmark-audit} (against the test database, which every test run rebuilds).
 * Arguments: JDBC URL, user, password, writer threads, seconds per run.
 */
public final class AuditChainBenchmark {

    private AuditChainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int writers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Duration duration = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 15);
        System.out.printf("Audit chain benchmark: %d writer threads, %d s per run, %d cores%n", writers,
                duration.toSeconds(), Runtime.getRuntime().availableProcessors());
        catchUp(url, user, password);

        Result plain = run(url, user, password, writers, duration, Mode.PLAIN);
        Result async = run(url, user, password, writers, duration, Mode.CHAIN_AFTER_COMMIT);
        Result inline = run(url, user, password, writers, duration, Mode.CHAIN_IN_TRANSACTION);

        System.out.println();
        System.out.printf("%-42s %12s %14s %16s%n", "design", "commits/s", "vs plain", "p99 commit ms");
        for (Result r : List.of(plain, async, inline)) {
            System.out.printf("%-42s %12.0f %13.0f%% %16.1f%n", r.mode.label, r.perSecond(),
                    100.0 * r.perSecond() / plain.perSecond(), r.p99Millis);
        }
        System.out.printf("%nchain after commit: %d revisions linked during the run, the rest (%d) within %d ms after"
                + " the writers stopped%n", async.linkedDuring, async.linkedAfter, async.catchUpMillis);
    }

    enum Mode {
        PLAIN("plain Envers (no chain)"),
        CHAIN_AFTER_COMMIT("chain after commit (OpenEBR)"),
        CHAIN_IN_TRANSACTION("chain inside each transaction (rejected)");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    record Result(Mode mode, long commits, Duration duration, double p99Millis, long linkedDuring, long linkedAfter,
                  long catchUpMillis) {
        double perSecond() {
            return commits / (duration.toMillis() / 1000.0);
        }
    }

    private static Result run(String url, String user, String password, int writers, Duration duration, Mode mode)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(() -> write(url, user, password, mode, stop, commits, latencies), "writer-" + i);
            writer.start();
            threads.add(writer);
        }
        AtomicLong linked = new AtomicLong();
        Thread chainer = null;
        if (mode == Mode.CHAIN_AFTER_COMMIT) {
            chainer = new Thread(() -> {
                while (!stop.get()) {
                    linked.addAndGet(extend(url, user, password));
                    sleep(200);
                }
            }, "chainer");
            chainer.start();
        }
        Instant start = Instant.now();
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        Duration elapsed = Duration.between(start, Instant.now());
        if (chainer != null) {
            chainer.join();
        }
        Instant catchUpStart = Instant.now();
        long after = catchUp(url, user, password);
        long catchUp = Duration.between(catchUpStart, Instant.now()).toMillis();
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        double p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1_000_000.0;
        System.out.printf("  %-42s %8d commits%n", mode.label, commits.get());
        return new Result(mode, commits.get(), elapsed, p99, linked.get(), mode == Mode.CHAIN_AFTER_COMMIT ? after : 0,
                mode == Mode.CHAIN_AFTER_COMMIT ? catchUp : 0);
    }

    private static void write(String url, String user, String password, Mode mode, AtomicBoolean stop, AtomicLong commits,
                              List<Long> latencies) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement revision = c.prepareStatement("INSERT INTO ebr.audit_revision (id, timestamp_ms,"
                    + " recorded_at, site_zone, user_name, full_name, acting_role, command, reason, channel, client_address,"
                    + " correlation_id) VALUES (nextval('ebr.audit_revision_seq'), 0, now(), 'UTC', 'bench', 'Benchmark',"
                    + " 'SYSTEM', 'Benchmark write', NULL, 'SYSTEM', 'bench', ?) RETURNING id");
                 PreparedStatement row = c.prepareStatement("INSERT INTO ebr.security_event_aud (id, rev, revtype,"
                         + " occurred_at, type, actor, detail, channel, alert) VALUES (?, ?, 0, now(), 'LOGIN', 'bench',"
                         + " 'benchmark row with a realistic length of text in it', 'API', false)")) {
                while (!stop.get()) {
                    long begin = System.nanoTime();
                    revision.setString(1, UUID.randomUUID().toString());
                    long rev;
                    try (ResultSet r = revision.executeQuery()) {
                        r.next();
                        rev = r.getLong(1);
                    }
                    for (int i = 0; i < 2; i++) {
                        row.setLong(1, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
                        row.setLong(2, rev);
                        row.executeUpdate();
                    }
                    if (mode == Mode.CHAIN_IN_TRANSACTION) {
                        AuditChainStore store = new AuditChainStore(c);
                        store.lockChain();
                        AuditChainStore.Link last = store.lastLink();
                        Map<Long, byte[]> content = store.canonical(List.of(rev));
                        byte[] contentHash = CanonicalRevision.sha256(content.get(rev));
                        byte[] chain = CanonicalRevision.link(last == null ? CanonicalRevision.GENESIS : last.chainHash(), contentHash);
                        store.append(new AuditChainStore.Link(last == null ? 1 : last.position() + 1, rev, contentHash, chain,
                                Instant.now()));
                    }
                    c.commit();
                    latencies.add(System.nanoTime() - begin);
                    commits.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Links everything not yet linked; returns how many. */
    private static long catchUp(String url, String user, String password) {
        long total = 0;
        long linked;
        do {
            linked = extend(url, user, password);
            total += linked;
        } while (linked > 0);
        return total;
    }

    private static int extend(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            int linked = AuditChainer.extend(new AuditChainStore(c), Instant.now().minus(Duration.ofMinutes(10)), Instant.now());
            c.commit();
            return linked;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
