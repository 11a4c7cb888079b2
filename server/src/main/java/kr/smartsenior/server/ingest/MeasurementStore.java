package kr.smartsenior.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.smartsenior.protocol.MeasurementRecord;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ingest's view of the database: which sites and members exist, and storing records once.
 *
 * <p>On PostgreSQL (decision 0036) a group's records go in with four round trips whatever their
 * number: one query for the ids already stored (a kiosk's re-send), a savepoint, {@code COPY} of the
 * others, the commit. Should {@code COPY} meet an id stored meanwhile (another server instance of the shared
 * subscription took a re-send of the same batch), it is rolled back to a savepoint and the records go
 * in as one statement instead: thirteen column arrays unnested into
 * {@code INSERT … ON CONFLICT DO NOTHING RETURNING id}, which says which ids were new. On SQLite (an
 * embedded file, no round trips) a batch of one-row inserts. No statement names a conflict target, so
 * any unique key that contains the id will do.
 */
@Component
final class MeasurementStore {

    /** Ids per IN (...) query: well below the parameter limits of SQLite and PostgreSQL. */
    private static final int IN_CHUNK = 500;
    private static final String COLUMNS = """
            measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                         taken_at, taken_at_ms, detail, received_at_ms)""";
    private static final String INSERT = "INSERT INTO " + COLUMNS + """

            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_ARRAYS = "INSERT INTO " + COLUMNS + """

            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::numeric[], ?::varchar[], ?::varchar[], ?::bigint[], ?::text[],
                                 ?::bigint[])
            ON CONFLICT DO NOTHING
            RETURNING id""";
    private static final String ALREADY_STORED = "SELECT id FROM measurement WHERE id = ANY (?::varchar[])";
    private static final String COPY = "COPY " + COLUMNS + " FROM STDIN";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Comparator<Row> ID_ORDER = Comparator.comparing(row -> row.record().id().toString());

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    /** Whether the database is PostgreSQL; asked once, on the first insert. */
    private volatile Boolean postgres;

    MeasurementStore(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** A record ready to store, with where it came from. */
    record Row(MeasurementRecord record, String siteId, String deviceId, String batchId, Instant receivedAt) {
    }

    Set<String> existingSites(Collection<String> siteIds) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(siteIds)) {
            found.addAll(jdbc.sql("SELECT id FROM site WHERE id IN (:ids)").param("ids", chunk)
                    .query(String.class).list());
        }
        return found;
    }

    /** Member id to site id, for those of the given ids that are registered. */
    Map<String, String> memberSites(Collection<String> memberIds) {
        Map<String, String> sites = new HashMap<>();
        for (List<String> chunk : chunks(memberIds)) {
            jdbc.sql("SELECT id, site_id FROM member WHERE id IN (:ids) AND anonymised = 0").param("ids", chunk)
                    .query(rs -> {
                        sites.put(rs.getString("id"), rs.getString("site_id"));
                    });
        }
        return sites;
    }

    /**
     * Inserts each record unless its id is already stored. Call inside a transaction.
     *
     * @return per row: true if newly stored, false if it was already there
     */
    boolean[] insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return new boolean[0];
        }
        if (postgres == null) {
            postgres = template.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
        }
        return postgres ? insertPostgres(rows) : insertRowByRow(rows);
    }

    /** PostgreSQL: the ids not stored yet by {@code COPY}, or as one statement if {@code COPY} meets a duplicate. */
    private boolean[] insertPostgres(List<Row> rows) {
        // a re-sent batch may meet its earlier send in the same group: each id once, the first wins
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Row> unique = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (firstIndex.putIfAbsent(rows.get(i).record().id().toString(), i) == null) {
                unique.add(rows.get(i));
            }
        }
        Set<String> inserted = template.execute((ConnectionCallback<Set<String>>) connection -> {
            Set<String> known = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement(ALREADY_STORED)) {
                query.setArray(1, connection.createArrayOf("varchar", unique.stream()
                        .map(row -> row.record().id().toString()).toArray()));
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        known.add(result.getString(1));
                    }
                }
            }
            // in id order: two transactions storing overlapping ids (two writers, two instances, a re-send) then
            // wait for each other in one direction only, never in a deadlock
            List<Row> fresh = unique.stream().filter(row -> !known.contains(row.record().id().toString()))
                    .sorted(ID_ORDER).toList();
            if (fresh.isEmpty()) {
                return Set.of();
            }
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(COPY, new StringReader(copyText(fresh)));
                if (copied != fresh.size()) {
                    throw new SQLException("COPY stored " + copied + " of " + fresh.size() + " records");
                }
                // the savepoint ends with the transaction: releasing it would cost a round trip
                Set<String> ids = new HashSet<>();
                fresh.forEach(row -> ids.add(row.record().id().toString()));
                return ids;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeCopy); // stored meanwhile by another instance: let the statement sort it out
                return insertArrays(connection, fresh);
            } catch (IOException e) {
                throw new SQLException("COPY of " + fresh.size() + " records failed", e);
            }
        });
        boolean[] stored = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String id = rows.get(i).record().id().toString();
            stored[i] = firstIndex.get(id) == i && inserted.contains(id);
        }
        return stored;
    }

    /** The rows in COPY's text format: tab-separated, one line each, backslash, tab and line breaks escaped. */
    private String copyText(List<Row> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 320);
        for (Row row : rows) {
            MeasurementRecord record = row.record();
            text.append(record.id()).append('\t');
            field(text, record.memberId());
            field(text, row.siteId());
            field(text, row.deviceId());
            field(text, row.batchId());
            field(text, record.kind());
            field(text, record.code());
            text.append(record.value().toPlainString()).append('\t');
            field(text, record.unit());
            field(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.takenAt()));
            text.append(record.takenAt().toInstant().toEpochMilli()).append('\t');
            field(text, toJson(record.detail()));
            text.append(row.receivedAt().toEpochMilli()).append('\n');
        }
        return text.toString();
    }

    private static void field(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        text.append('\t');
    }

    /** The rows as one statement of column arrays; returns the ids it stored (the others were there). */
    private Set<String> insertArrays(Connection connection, List<Row> unique) throws SQLException {
        int n = unique.size();
        String[] ids = new String[n];
        String[] members = new String[n];
        String[] sites = new String[n];
        String[] devices = new String[n];
        String[] batches = new String[n];
        String[] kinds = new String[n];
        String[] codes = new String[n];
        BigDecimal[] values = new BigDecimal[n];
        String[] units = new String[n];
        String[] takenAts = new String[n];
        Long[] takenAtMs = new Long[n];
        String[] details = new String[n];
        Long[] receivedAtMs = new Long[n];
        for (int i = 0; i < n; i++) {
            Row row = unique.get(i);
            MeasurementRecord record = row.record();
            ids[i] = record.id().toString();
            members[i] = record.memberId();
            sites[i] = row.siteId();
            devices[i] = row.deviceId();
            batches[i] = row.batchId();
            kinds[i] = record.kind();
            codes[i] = record.code();
            values[i] = record.value();
            units[i] = record.unit();
            takenAts[i] = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.takenAt());
            takenAtMs[i] = record.takenAt().toInstant().toEpochMilli();
            details[i] = toJson(record.detail());
            receivedAtMs[i] = row.receivedAt().toEpochMilli();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ARRAYS)) {
            Object[][] columns = {ids, members, sites, devices, batches, kinds, codes, values, units, takenAts,
                takenAtMs, details, receivedAtMs};
            String[] types = {"varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "numeric",
                "varchar", "varchar", "int8", "text", "int8"};
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            Set<String> fresh = new HashSet<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    fresh.add(result.getString(1));
                }
            }
            return fresh;
        }
    }

    /** SQLite: a batch of one-row inserts (in-process, no round trip to save). */
    private boolean[] insertRowByRow(List<Row> rows) {
        int[] counts = template.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row row = rows.get(i);
                MeasurementRecord record = row.record();
                ps.setString(1, record.id().toString());
                ps.setString(2, record.memberId());
                ps.setString(3, row.siteId());
                ps.setString(4, row.deviceId());
                ps.setString(5, row.batchId());
                ps.setString(6, record.kind());
                ps.setString(7, record.code());
                ps.setBigDecimal(8, record.value());
                ps.setString(9, record.unit());
                ps.setString(10, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.takenAt()));
                ps.setLong(11, record.takenAt().toInstant().toEpochMilli());
                ps.setString(12, toJson(record.detail()));
                ps.setLong(13, row.receivedAt().toEpochMilli());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            // SUCCESS_NO_INFO (-2) says nothing; count it as stored rather than as a duplicate.
            inserted[i] = counts[i] != 0;
        }
        return inserted;
    }

    private String toJson(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("detail cannot be written as JSON", e);
        }
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(new HashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }
}
