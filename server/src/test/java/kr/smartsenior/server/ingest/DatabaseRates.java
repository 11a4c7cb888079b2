package kr.smartsenior.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database's own rates on PostgreSQL, each write path on a fresh, migrated schema (same tables,
 * indexes and foreign key as the server's), the same records in transactions of the same size, one
 * transaction after the other as the ingest thread does: the server's {@link MeasurementStore}, the
 * row-by-row batch it used before decision 0036, and {@code COPY} (at the same group size, and in
 * bulk transactions of 20,000 rows: PostgreSQL's raw rate). Rates are medians of windows.
 */
final class DatabaseRates {

    static final String ROW_BY_ROW = """
            INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                     taken_at, taken_at_ms, detail, received_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String COPY = "COPY measurement (id, member_id, site_id, device_id, batch_id, kind, code, value,"
            + " unit, taken_at, taken_at_ms, detail, received_at_ms) FROM STDIN";
    static final int BULK = 20_000;

    private final ObjectMapper json = new ObjectMapper();
    private final int records;
    private final int group;
    private final int window;

    DatabaseRates(int records, int group) {
        this.records = records;
        this.group = group;
        this.window = Math.max(group, records / 10);
    }

    /** Method name to median records per second (and the spread of the windows). */
    Map<String, double[]> measure() throws Exception {
        Map<String, double[]> rates = new LinkedHashMap<>();
        rates.put("server's write path (MeasurementStore.insert), " + group + " records per transaction",
                run(group, this::serverPath));
        rates.put("row-by-row batch INSERT … ON CONFLICT DO NOTHING (before 0036), " + group + " per transaction",
                run(group, this::rowByRow));
        rates.put("COPY, " + group + " records per transaction", run(group, this::copy));
        rates.put("COPY, " + BULK + " records per transaction (raw bulk rate)", run(BULK, this::copy));
        return rates;
    }

    private interface WritePath {
        void write(DataSource data, List<MeasurementStore.Row> rows) throws Exception;
    }

    private double[] run(int perTransaction, WritePath path) throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            DataSource data = database.dataSource();
            KioskFleet.Site site = seed(data);
            BenchRecords made = new BenchRecords(0x0DB0);
            List<Double> windows = new ArrayList<>();
            long windowStart = System.nanoTime();
            int inWindow = 0;
            long seq = 0;
            while (seq < records) {
                int count = (int) Math.min(perTransaction, records - seq);
                List<MeasurementStore.Row> rows = new ArrayList<>(count);
                Instant now = Instant.now();
                for (MeasurementRecord record : made.records(0, seq, count, site.members())) {
                    rows.add(new MeasurementStore.Row(record, site.id(), "k0", "db-" + seq / 10, now));
                }
                path.write(data, rows);
                seq += count;
                inWindow += count;
                if (inWindow >= window) {
                    long end = System.nanoTime();
                    windows.add(inWindow / ((end - windowStart) / 1e9));
                    windowStart = end;
                    inWindow = 0;
                }
            }
            double[] sorted = windows.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new double[] {sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]};
        }
    }

    private KioskFleet.Site seed(DataSource data) {
        JdbcTemplate jdbc = new JdbcTemplate(data);
        jdbc.update("INSERT INTO site (id, name, created_at) VALUES ('db-bench', '벤치', '2026-12-05T00:00:00Z')");
        List<String> members = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            String id = "DB" + m;
            jdbc.update("INSERT INTO member (id, site_id, display_name, birth_year, sex, created_at)"
                    + " VALUES (?, 'db-bench', ?, 1945, 'F', '2026-12-05T00:00:00Z')", id, "회원 " + m);
            members.add(id);
        }
        jdbc.execute("ANALYZE");
        return new KioskFleet.Site("db-bench", members);
    }

    private void serverPath(DataSource data, List<MeasurementStore.Row> rows) {
        MeasurementStore store = new MeasurementStore(JdbcClient.create(data), new JdbcTemplate(data), json);
        new TransactionTemplate(new DataSourceTransactionManager(data)).executeWithoutResult(status -> store.insert(rows));
    }

    private void rowByRow(DataSource data, List<MeasurementStore.Row> rows) throws Exception {
        try (Connection connection = data.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(ROW_BY_ROW)) {
                for (MeasurementStore.Row row : rows) {
                    MeasurementRecord record = row.record();
                    insert.setString(1, record.id().toString());
                    insert.setString(2, record.memberId());
                    insert.setString(3, row.siteId());
                    insert.setString(4, row.deviceId());
                    insert.setString(5, row.batchId());
                    insert.setString(6, record.kind());
                    insert.setString(7, record.code());
                    insert.setBigDecimal(8, record.value());
                    insert.setString(9, record.unit());
                    insert.setString(10, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.takenAt()));
                    insert.setLong(11, record.takenAt().toInstant().toEpochMilli());
                    insert.setString(12, json.writeValueAsString(record.detail()));
                    insert.setLong(13, row.receivedAt().toEpochMilli());
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                if (Arrays.stream(counts).anyMatch(n -> n == 0)) {
                    throw new IllegalStateException("a fresh record was taken for a duplicate");
                }
            }
            connection.commit();
        }
    }

    private void copy(DataSource data, List<MeasurementStore.Row> rows) throws Exception {
        StringBuilder text = new StringBuilder(rows.size() * 400);
        for (MeasurementStore.Row row : rows) {
            MeasurementRecord record = row.record();
            text.append(record.id()).append('\t').append(record.memberId()).append('\t').append(row.siteId())
                    .append('\t').append(row.deviceId()).append('\t').append(row.batchId()).append('\t')
                    .append(record.kind()).append('\t').append(record.code()).append('\t')
                    .append(record.value().toPlainString()).append('\t').append(record.unit()).append('\t')
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.takenAt())).append('\t')
                    .append(record.takenAt().toInstant().toEpochMilli()).append('\t')
                    .append(copyText(json.writeValueAsString(record.detail()))).append('\t')
                    .append(row.receivedAt().toEpochMilli()).append('\n');
        }
        try (Connection connection = data.getConnection()) {
            connection.setAutoCommit(false);
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text.toString()));
            if (copied != rows.size()) {
                throw new IllegalStateException("COPY took " + copied + " of " + rows.size());
            }
            connection.commit();
        }
    }

    /** COPY's text format: backslash, tab and newlines escaped. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
