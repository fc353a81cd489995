package org.openebr.mde.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;

/**
 * Writes the process values the subscriptions deliver into {@code process_value}, in arrival order, many
 * rows per statement, from one writer thread, so that Milo's notification threads never wait for the
 * database. A value is kept as it came: value, status code, source and server time stamps, and the batch
 * that had the unit when it arrived. If the database is away the writer keeps its rows and tries again;
 * only a full queue (a million values) loses values, and they are counted (lost), never hidden.
 */
final class ValueSink implements Runnable {

    private static final Logger LOG = Logger.getLogger(ValueSink.class.getName());
    private static final int CAPACITY = 1_000_000;
    private static final int ROWS = 5_000;

    /** One value as it arrived. */
    record Sample(UUID tagId, UUID unitId, Instant receivedAt, Instant sourceTime, Instant serverTime, long status,
                  Double value, String text) {
    }

    /** Counts since start: delivered by the subscriptions, written, and lost to a full queue. */
    record Figures(long received, long stored, long lost, int queued) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final BlockingQueue<Sample> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean running = true;
    private volatile Thread thread;
    private Map<UUID, String> batchOfUnit = Map.of();
    private Instant batchesReadAt = Instant.EPOCH;
    private LocalDate partitionsMadeFor;

    ValueSink(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void offer(UUID tagId, UUID unitId, DataValue value, Instant receivedAt) {
        received.incrementAndGet();
        Object v = value.getValue() == null ? null : value.getValue().getValue();
        Double number = v instanceof Number n ? n.doubleValue() : v instanceof Boolean b ? (b ? 1.0 : 0.0) : null;
        String text = v == null || v instanceof Number ? null : shorten(String.valueOf(v));
        Sample sample = new Sample(tagId, unitId, receivedAt, instant(value.getSourceTime()), instant(value.getServerTime()),
                value.getStatusCode() == null ? 0L : value.getStatusCode().getValue(), number, text);
        if (!queue.offer(sample)) {
            lost.incrementAndGet();
        }
    }

    Figures figures() {
        return new Figures(received.get(), stored.get(), lost.get(), queue.size());
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        List<Sample> rows = new ArrayList<>(ROWS);
        while (running || !queue.isEmpty()) {
            try {
                if (rows.isEmpty()) {
                    Sample first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    rows.add(first);
                    queue.drainTo(rows, ROWS - 1);
                }
                write(rows);
                stored.addAndGet(rows.size());
                rows.clear();
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(rows);
                    try {
                        if (!rows.isEmpty()) {
                            write(rows);
                            stored.addAndGet(rows.size());
                        }
                    } catch (SQLException | RuntimeException last) {
                        LOG.log(Level.WARNING, rows.size() + " process values could not be written at shut-down", last);
                    }
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "process values not written yet (" + rows.size() + " kept, trying again): "
                        + e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                    if (!running) {
                        return;
                    }
                }
            }
        }
    }

    private void write(List<Sample> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            partitions(c);
            batches(c);
            int n = rows.size();
            Object[] tags = new Object[n];
            Timestamp[] receivedAt = new Timestamp[n];
            Timestamp[] sourceTime = new Timestamp[n];
            Timestamp[] serverTime = new Timestamp[n];
            Long[] status = new Long[n];
            Double[] value = new Double[n];
            String[] text = new String[n];
            String[] batch = new String[n];
            for (int i = 0; i < n; i++) {
                Sample s = rows.get(i);
                tags[i] = s.tagId();
                receivedAt[i] = Timestamp.from(s.receivedAt());
                sourceTime[i] = s.sourceTime() == null ? null : Timestamp.from(s.sourceTime());
                serverTime[i] = s.serverTime() == null ? null : Timestamp.from(s.serverTime());
                status[i] = s.status();
                value[i] = s.value();
                text[i] = s.text();
                batch[i] = batchOfUnit.get(s.unitId());
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO process_value (tag_id, received_at, source_time,"
                    + " server_time, status_code, value, value_text, batch_id) SELECT * FROM unnest(?::uuid[],"
                    + " ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::float8[], ?::varchar[],"
                    + " ?::varchar[])")) {
                insert.setArray(1, c.createArrayOf("uuid", tags));
                insert.setArray(2, array(c, "timestamptz", receivedAt));
                insert.setArray(3, array(c, "timestamptz", sourceTime));
                insert.setArray(4, array(c, "timestamptz", serverTime));
                insert.setArray(5, c.createArrayOf("int8", status));
                insert.setArray(6, c.createArrayOf("float8", value));
                insert.setArray(7, c.createArrayOf("varchar", text));
                insert.setArray(8, c.createArrayOf("varchar", batch));
                insert.executeUpdate();
            }
        }
    }

    private static Array array(Connection c, String type, Timestamp[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    /** This month's and next month's partitions, made once a day. */
    private void partitions(Connection c) throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.equals(partitionsMadeFor)) {
            return;
        }
        try (PreparedStatement make = c.prepareStatement("SELECT process_value_partition(?), process_value_partition(?)")) {
            make.setObject(1, today);
            make.setObject(2, today.plusMonths(1));
            make.execute();
        }
        partitionsMadeFor = today;
    }

    /** Which batch has which unit, read again every two seconds. */
    private void batches(Connection c) throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(batchesReadAt.plusSeconds(2))) {
            return;
        }
        Map<UUID, String> found = new HashMap<>();
        try (PreparedStatement read = c.prepareStatement("SELECT id, status_batch FROM equipment_unit WHERE status_batch"
                + " IS NOT NULL"); ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
        batchOfUnit = found;
        batchesReadAt = now;
    }

    private static Instant instant(DateTime time) {
        return time == null || time.isNull() ? null : time.getJavaInstant();
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }
}
