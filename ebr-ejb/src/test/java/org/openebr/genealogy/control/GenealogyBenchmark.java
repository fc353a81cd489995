package org.openebr.genealogy.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.openebr.genealogy.boundary.GenealogyTrace;
import org.openebr.genealogy.boundary.GenealogyTrace.Link;
import org.openebr.genealogy.boundary.TraceDirection;

/**
 * Benchmark (a program, not a test: it prints figures and asserts nothing): genealogy trace latency
 * on a plant-sized genealogy, the service's path against the bare recursive statement, in one run.
 *
 * <p>Generates, in its own tables of the test database (as the owner role, with generate_series:
 * one INSERT ... SELECT each, indexes built afterwards), 1,000,000 lots in four production levels
 * (400,000 received lots, 300,000 intermediates, 200,000 bulk lots, 100,000 finished lots) and
 * 5,000,000 links, each produced lot made from 8 or 9 lots of the level below, picked by a hash
 * (repeatable). Then, as the runtime role the server uses, traces forward from received lots and
 * backward from finished lots, each lot twice in alternating order:
 * <ul>
 *   <li>service path: what {@code Genealogy.trace} does for {@code GET /genealogy/{lotId}}: the
 *       statement, the rows made a trace (each link once at its least depth, cycles, completeness)
 *       and the trace written as JSON, as the API answers it;</li>
 *   <li>bare statement: the same recursive SQL, its rows read and dropped.</li>
 * </ul>
 * Run with {@code bin/ebr benchmark-genealogy}. Arguments: JDBC URL, runtime user, password, owner
 * user, owner password, traces per direction (default 300), lots (default 1,000,000), links
 * (default 5,000,000). The tables stay until the next test run cleans the database.
 */
public final class GenealogyBenchmark {

    /** The service's edge table's shape (materials' genealogy_edge), in a table of its own. */
    static final EdgeTable EDGES = new EdgeTable("genealogy_benchmark_edge", "from_id", "from_kind", "to_id", "to_kind",
            "kind");
    private static final int WARM_UP = 50;

    private GenealogyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int traces = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        int lots = args.length > 6 ? Integer.parseInt(args[6]) : 1_000_000;
        int links = args.length > 7 ? Integer.parseInt(args[7]) : 5_000_000;
        Levels levels = new Levels(lots);
        System.out.printf("Genealogy benchmark: %,d lots, %,d links, %d traces per direction, %d cores%n", lots, links,
                traces, Runtime.getRuntime().availableProcessors());
        try (Connection owner = DriverManager.getConnection(url, args[3], args[4])) {
            generate(owner, levels, links);
        }
        try (Connection runtime = DriverManager.getConnection(url, args[1], args[2]); Jsonb json = JsonbBuilder.create()) {
            runtime.setAutoCommit(false);
            runtime.setReadOnly(true);
            Random random = new Random(15);
            Figures forward = measure(runtime, json, TraceDirection.FORWARD, sample(random, 1, levels.received, traces));
            Figures backward = measure(runtime, json, TraceDirection.BACKWARD,
                    sample(random, levels.bulkEnd + 1, lots, traces));
            System.out.println();
            System.out.printf("%-10s %8s %10s %10s %10s %10s %8s %8s%n", "direction", "links", "svc p50", "svc p95",
                    "bare p50", "bare p95", "p50 x", "p95 x");
            forward.print("forward");
            backward.print("backward");
            System.out.println("(milliseconds; links: mean links per trace; x: service path / bare statement)");
        }
    }

    /** Where each production level starts and ends in the lot numbers 1..lots. */
    private record Levels(int received, int intermediateEnd, int bulkEnd, int lots) {
        Levels(int lots) {
            this(lots * 4 / 10, lots * 7 / 10, lots * 9 / 10, lots);
        }
    }

    private static void generate(Connection owner, Levels levels, int links) throws SQLException {
        try (Statement sql = owner.createStatement()) {
            long start = System.nanoTime();
            sql.execute("drop table if exists genealogy_benchmark_edge");
            sql.execute("drop table if exists genealogy_benchmark_lot");
            sql.execute("create table genealogy_benchmark_lot (lot_id text primary key, level int not null)");
            sql.execute("create table genealogy_benchmark_edge (from_kind varchar(10) not null, from_id varchar(24) not null,"
                    + " to_kind varchar(10) not null, to_id varchar(64) not null, kind varchar(16) not null)");
            sql.execute("insert into genealogy_benchmark_lot select " + lotId("i") + ", case when i <= "
                    + levels.received() + " then 0 when i <= " + levels.intermediateEnd() + " then 1 when i <= "
                    + levels.bulkEnd() + " then 2 else 3 end from generate_series(1, " + levels.lots() + ") i");
            int produced = levels.lots() - levels.received();
            int perLot = links / produced; // 8 for the defaults; the remainder gets one more each
            int extra = links - perLot * produced;
            // Lot i of a level is made from lots of the level below: a repeatable hash picks which.
            String below = "case when i <= " + levels.intermediateEnd() + " then 1 + abs(hashint8(i * 31 + k)) % "
                    + levels.received()
                    + " when i <= " + levels.bulkEnd() + " then " + (levels.received() + 1) + " + abs(hashint8(i * 31 + k)) % "
                    + (levels.intermediateEnd() - levels.received())
                    + " else " + (levels.intermediateEnd() + 1) + " + abs(hashint8(i * 31 + k)) % "
                    + (levels.bulkEnd() - levels.intermediateEnd()) + " end";
            String kind = "case when k = 1 then 'SPLIT' when k = 2 then 'MERGED' else 'CONSUMED_INTO' end";
            sql.execute("insert into genealogy_benchmark_edge select 'LOT', " + lotId("(" + below + ")") + ", 'LOT', "
                    + lotId("i") + ", " + kind + " from generate_series(" + (levels.received() + 1) + ", " + levels.lots() + ") i,"
                    + " generate_series(1, " + perLot + ") k");
            sql.execute("insert into genealogy_benchmark_edge select 'LOT', " + lotId("(" + below + ")") + ", 'LOT', "
                    + lotId("i") + ", " + kind + " from generate_series(" + (levels.received() + 1) + ", " + (levels.received() + extra)
                    + ") i, generate_series(" + (perLot + 1) + ", " + (perLot + 1) + ") k");
            sql.execute("create index on genealogy_benchmark_edge (from_id)"); // as genealogy_edge's indexes
            sql.execute("create index on genealogy_benchmark_edge (to_id)");
            sql.execute("analyze genealogy_benchmark_lot");
            sql.execute("analyze genealogy_benchmark_edge");
            try (ResultSet count = sql.executeQuery("select count(*) from genealogy_benchmark_edge")) {
                count.next();
                System.out.printf("generated %,d lots and %,d links in %.1f s%n", levels.lots(), count.getLong(1),
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static String lotId(String number) {
        return "'L-' || lpad((" + number + ")::text, 7, '0')";
    }

    private static List<String> sample(Random random, int from, int to, int count) {
        List<String> lots = new ArrayList<>();
        for (int i = 0; i < count + WARM_UP; i++) {
            lots.add(String.format("L-%07d", from + random.nextInt(to - from + 1)));
        }
        return lots;
    }

    private static Figures measure(Connection connection, Jsonb json, TraceDirection direction, List<String> lots)
            throws SQLException {
        GenealogyQuery query = new GenealogyQuery(EDGES, direction);
        List<Double> service = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        long linkCount = 0;
        for (int i = 0; i < lots.size(); i++) {
            String lot = lots.get(i);
            boolean serviceFirst = i % 2 == 0; // neither path always finds the pages the other just read
            double serviceMillis = 0;
            double bareMillis = 0;
            int links = 0;
            for (int pass = 0; pass < 2; pass++) {
                if ((pass == 0) == serviceFirst) {
                    long start = System.nanoTime();
                    GenealogyTrace trace = query.trace(connection, lot);
                    String body = json.toJson(trace);
                    serviceMillis = (System.nanoTime() - start) / 1e6;
                    links = trace.links().size();
                    if (!body.contains(lot)) {
                        throw new IllegalStateException("the JSON of the trace of " + lot + " does not name it");
                    }
                } else {
                    long start = System.nanoTime();
                    List<Link> rows = query.rows(connection, lot);
                    bareMillis = (System.nanoTime() - start) / 1e6;
                    if (rows.isEmpty()) {
                        throw new IllegalStateException("no links from " + lot + ": the generated genealogy is wrong");
                    }
                }
                connection.rollback();
            }
            if (i >= WARM_UP) {
                service.add(serviceMillis);
                bare.add(bareMillis);
                linkCount += links;
            }
        }
        return new Figures(service, bare, (double) linkCount / service.size());
    }

    private record Figures(List<Double> service, List<Double> bare, double meanLinks) {
        void print(String direction) {
            double s50 = percentile(service, 50);
            double s95 = percentile(service, 95);
            double b50 = percentile(bare, 50);
            double b95 = percentile(bare, 95);
            System.out.printf("%-10s %8.0f %10.1f %10.1f %10.1f %10.1f %8.2f %8.2f%n", direction, meanLinks, s50, s95, b50,
                    b95, s50 / b50, s95 / b95);
        }
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
