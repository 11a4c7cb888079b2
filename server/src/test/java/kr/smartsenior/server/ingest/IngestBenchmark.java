package kr.smartsenior.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.smartsenior.server.provisioning.PrivateMosquitto;
import kr.smartsenior.server.testsupport.RequiredServices;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Not a test (its name matches neither Surefire's nor Failsafe's patterns): the load generator behind
 * {@code scripts/bench-ingest.sh}. Kiosks ({@link KioskFleet}) publish measurement batches in the
 * protocol's format to a Mosquitto of the benchmark's own, set as docs/operations.md says ({@link
 * PrivateMosquitto#startAnonymous}; {@code SSC_BENCH_BROKER=machine} takes the machine's on port 1883 as it
 * is); in one run it measures
 * <ol>
 *   <li>the broker alone: a subscriber that acks at once ({@link TrivialAcker}), same kiosks;</li>
 *   <li>the database alone ({@link DatabaseRates}): the server's write path and {@code COPY};</li>
 *   <li>the product: the server's jar ({@link ServerProcess}) on a fresh PostgreSQL schema, publish →
 *       commit → ack, closed loop and at a fixed rate, then checks every acked record is stored once.</li>
 * </ol>
 * Modes ({@code SSC_BENCH_MODE}): {@code standard} (the above), {@code overload} (3× the sustainable
 * rate for 60 s, then normal load: recovery, records lost, stored twice) and {@code reconnect-storm}
 * (every kiosk reconnects at once with a backlog: time to drain, the server's heap). Settings are
 * environment variables, see the script.
 */
class IngestBenchmark {

    private final int kiosks = setting("SSC_BENCH_KIOSKS", 1000);
    private final int connections = setting("SSC_BENCH_CONNECTIONS", 20);
    private final int batchSize = setting("SSC_BENCH_BATCH", 10);
    private final int seconds = setting("SSC_BENCH_DURATION", 60);
    private final int rate = setting("SSC_BENCH_RATE", 5000);
    private final int windowSeconds = setting("SSC_BENCH_WINDOW", 10);
    private final int dbRecords = setting("SSC_BENCH_DB_RECORDS", 200_000);
    private final int dbGroup = setting("SSC_BENCH_DB_GROUP", 640);
    private final int kiosksPerSite = setting("SSC_BENCH_KIOSKS_PER_SITE", 20);
    private final int membersPerSite = setting("SSC_BENCH_MEMBERS_PER_SITE", 30);
    private final String serverHeap = System.getenv().getOrDefault("SSC_BENCH_SERVER_HEAP", "1g");
    private final String jfr = System.getenv().getOrDefault("SSC_BENCH_JFR", "");
    private final String skip = System.getenv().getOrDefault("SSC_BENCH_SKIP", "");
    private final boolean machineBroker = "machine".equals(System.getenv().getOrDefault("SSC_BENCH_BROKER", "private"));
    private String brokerUrl = RequiredServices.MOSQUITTO_URL;
    private final int run = ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF);
    private final StringBuilder report = new StringBuilder();

    @Test
    void run() throws Exception {
        RequiredServices.mosquittoOrSkip();
        RequiredServices.postgresOrSkip();
        String mode = System.getenv().getOrDefault("SSC_BENCH_MODE", "standard");
        say("ingest benchmark, mode %s, run %04x: %d kiosks on %d connections, batches of %d records; %d cores,"
                + " JVM %s; load average at start %s", mode, run, kiosks, Math.min(connections, kiosks), batchSize,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
        say("PostgreSQL settings: %s", postgresSettings());
        PrivateMosquitto broker = null;
        if (machineBroker) {
            say("Mosquitto: the machine's, %s, as it was started", brokerUrl);
        } else {
            Path dir = Files.createTempDirectory("bench-mosquitto");
            broker = PrivateMosquitto.startAnonymous(dir);
            brokerUrl = broker.url();
            say("Mosquitto: the benchmark's own, %s, %s", brokerUrl, String.join(", ", PrivateMosquitto.tuning()));
        }
        try {
            switch (mode) {
                case "standard" -> standard();
                case "overload" -> overload();
                case "reconnect-storm" -> reconnectStorm();
                default -> throw new IllegalArgumentException(
                        "SSC_BENCH_MODE must be standard, overload or reconnect-storm");
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        say("load average at end %s", loadAverage());
        Files.writeString(Path.of("target", "bench-ingest.txt"), report);
    }

    /**
     * Writes out what earlier work left dirty in PostgreSQL's buffers (an earlier run, part (b)), so that the
     * product's figures do not pay for it; says how long that took.
     */
    private void checkpoint() throws java.sql.SQLException {
        long started = System.nanoTime();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(RequiredServices.POSTGRES_URL)) {
            connection.createStatement().execute("CHECKPOINT");
        }
        say("    (CHECKPOINT before it: %.1f s)", (System.nanoTime() - started) / 1e9);
    }

    /** The database settings that move ingest figures most (checkpoints, buffers, commit), as the run found them. */
    private static String postgresSettings() throws java.sql.SQLException {
        StringBuilder settings = new StringBuilder();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(RequiredServices.POSTGRES_URL);
                java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT name, setting, unit"
                        + " FROM pg_settings WHERE name IN ('shared_buffers', 'max_wal_size', 'checkpoint_timeout',"
                        + " 'synchronous_commit', 'autovacuum', 'server_version') ORDER BY name")) {
            while (rows.next()) {
                settings.append(settings.isEmpty() ? "" : ", ").append(rows.getString(1)).append(' ')
                        .append(rows.getString(2)).append(rows.getString(3) == null ? "" : " × " + rows.getString(3));
            }
        }
        return settings.toString();
    }

    private void standard() throws Exception {
        List<KioskFleet.Site> sites = sites();
        double broker = Double.NaN;
        if (!skip.contains("broker")) {
            say("(a) broker alone: Mosquitto %s and a subscriber that acks at once", brokerUrl);
            try (TrivialAcker acker = new TrivialAcker(brokerUrl, run,
                    sites.stream().map(KioskFleet.Site::id).toList());
                    KioskFleet fleet = new KioskFleet(brokerUrl, run, sites, kiosks, connections,
                            batchSize, false)) {
                fleet.connect();
                broker = closedLoop(fleet);
                fixedRate(fleet, rate);
            }
        }
        double copy = Double.NaN;
        double ownPath = Double.NaN;
        if (!skip.contains("db")) {
            say("(b) PostgreSQL alone, %d records per write path, each on a fresh schema (median [min–max] of windows):",
                    dbRecords);
            Map<String, double[]> rates = new DatabaseRates(dbRecords, dbGroup).measure();
            rates.forEach((what, r) -> say("    %-100s %8.0f records/s [%.0f–%.0f]", what, r[0], r[1], r[2]));
            copy = rates.values().stream().toList().getLast()[0];
            ownPath = rates.values().iterator().next()[0];
        }
        say("(c) the product: server jar (heap %s) on Mosquitto + a fresh PostgreSQL schema; publish → commit → ack",
                serverHeap);
        double product;
        try (Product server = new Product(sites)) {
            KioskFleet fleet = server.fleet;
            fleet.connect();
            product = closedLoop(fleet);
            fixedRate(fleet, rate);
            server.finish();
        }
        say("ratios: product / broker %.2f, product / COPY bulk %.2f, product / server's write path alone %.2f",
                product / broker, product / copy, product / ownPath);
    }

    /** Seconds at the fixed rate before it is measured. */
    private static final int SETTLE_SECONDS = 15;

    /** Closed loop for the run's duration: returns the median of the windows' rates. */
    private double closedLoop(KioskFleet fleet) throws InterruptedException {
        int first = fleet.ackedPerSecond().size();
        fleet.latencies.clear();
        fleet.closedLoop();
        Thread.sleep(seconds * 1000L);
        List<Long> perSecond = fleet.ackedPerSecond();
        double median = windows("closed loop (next batch after the ack), " + seconds + " s", perSecond.subList(first,
                perSecond.size()));
        say("    %s; %d batches sent, %d re-sent, %d publishes refused by the client", fleet.latencies.summary(),
                fleet.sentBatches.sum(), fleet.resentBatches.sum(), fleet.publishRefused.sum());
        return median;
    }

    private void fixedRate(KioskFleet fleet, int recordsPerSecond) throws InterruptedException {
        fleet.stopProducing();
        fleet.awaitDrained(Duration.ofSeconds(60));
        fleet.fixedRate(recordsPerSecond);
        // the closed loop's aftermath (derived work coming due for every member, the database's
        // checkpoint and autovacuum after a million rows) is not the steady rate: settle, then measure
        Thread.sleep(SETTLE_SECONDS * 1000L);
        int first = fleet.ackedPerSecond().size();
        fleet.latencies.clear();
        int duration = Math.max(20, seconds / 2);
        Thread.sleep(duration * 1000L);
        List<Long> perSecond = fleet.ackedPerSecond();
        windows("fixed rate " + recordsPerSecond + " records/s offered, " + duration + " s after " + SETTLE_SECONDS
                + " s to settle",
                perSecond.subList(first, perSecond.size()));
        say("    %s", fleet.latencies.summary());
        fleet.stopProducing();
        if (!fleet.awaitDrained(Duration.ofSeconds(120))) {
            say("    not drained after 120 s: %d records un-acked", fleet.unackedRecords());
        }
    }

    /**
     * Overload: the sustainable rate (closed loop, {@code SSC_BENCH_DURATION}), then 3× that offered for
     * 60 s, then a normal rate ({@code SSC_BENCH_RATE}, at most half the sustainable) until everything offered during the overload
     * is acked, then the rest drained; every acked record must be stored, none twice.
     */
    private void overload() throws Exception {
        try (Product server = new Product(sites())) {
            KioskFleet fleet = server.fleet;
            fleet.connect();
            double sustainable = closedLoop(fleet);
            fleet.stopProducing();
            fleet.awaitDrained(Duration.ofSeconds(60));
            int over = (int) Math.round(3 * sustainable);
            int normal = (int) Math.min(rate, Math.round(sustainable / 2)); // below what it sustains, or it never recovers
            int overloadSeconds = setting("SSC_BENCH_OVERLOAD_SECONDS", 60);
            say("overload: %d records/s offered (3× the sustainable %.0f) for %d s, then %d records/s", over,
                    sustainable, overloadSeconds, normal);
            int first = fleet.ackedPerSecond().size();
            fleet.resetLongestGap();
            fleet.latencies.clear();
            fleet.fixedRate(over);
            Thread.sleep(overloadSeconds * 1000L);
            long[] marks = fleet.producedMarks();
            long unackedAtEnd = fleet.unackedRecords();
            fleet.fixedRate(normal);
            long normalFrom = System.nanoTime();
            double recovered = Double.NaN;
            while (System.nanoTime() - normalFrom < Duration.ofSeconds(900).toNanos()) {
                if (fleet.ackedUpTo(marks)) {
                    recovered = (System.nanoTime() - normalFrom) / 1e9;
                    break;
                }
                Thread.sleep(200);
            }
            List<Long> perSecond = fleet.ackedPerSecond();
            List<Long> during = perSecond.subList(first, Math.min(perSecond.size(), first + overloadSeconds));
            windows("acked during the overload", during);
            say("    %d records offered and not yet acked when the overload stopped", unackedAtEnd);
            say("    seconds after the overload until its backlog was acked (every record offered during it): %s",
                    Double.isNaN(recovered) ? "not within 900 s" : "%.1f".formatted(recovered));
            say("    acks resumed: the longest time without any ack while kiosks waited was %.1f s (a stall shows here)",
                    fleet.longestAckGapSeconds());
            say("    acks per second, every 5 s from the overload's start: %s", every(perSecond.subList(first,
                    perSecond.size()), 5));
            Thread.sleep(10_000);
            server.finish();
        }
    }

    /** Every kiosk connects at once with a backlog ({@code SSC_BENCH_BACKLOG} records, batches of the kiosk's 50). */
    private void reconnectStorm() throws Exception {
        int backlog = setting("SSC_BENCH_BACKLOG", 200);
        try (Product server = new Product(sites(), setting("SSC_BENCH_STORM_BATCH", 50))) {
            KioskFleet fleet = server.fleet;
            say("reconnect storm: %d kiosks, %d records each (%d in all), connecting at once", kiosks, backlog,
                    (long) kiosks * backlog);
            long started = System.nanoTime();
            fleet.backlog(backlog);
            double connected = fleet.connect();
            boolean drained = fleet.awaitDrained(Duration.ofSeconds(600));
            double seconds = (System.nanoTime() - started) / 1e9;
            say("    connected in %.1f s; %s in %.1f s (%.0f records/s); %d batches sent, %d re-sent", connected,
                    drained ? "every record acked" : "NOT drained (" + fleet.unackedRecords() + " left)", seconds,
                    fleet.ackedTotal() / seconds, fleet.sentBatches.sum(), fleet.resentBatches.sum());
            say("    %s; longest time without any ack %.1f s", fleet.latencies.summary(), fleet.longestAckGapSeconds());
            say("    acks per second, every 5 s: %s", every(fleet.ackedPerSecond(), 5));
            server.finish();
        }
    }

    /** The server process, its schema and the kiosks; {@link #finish} checks and reports. */
    private final class Product implements AutoCloseable {

        final RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema();
        final ServerProcess process;
        final KioskFleet fleet;
        final JdbcTemplate jdbc;

        Product(List<KioskFleet.Site> sites) throws Exception {
            this(sites, batchSize);
        }

        Product(List<KioskFleet.Site> sites, int batch) throws Exception {
            checkpoint();
            List<String> flags = new ArrayList<>(List.of("-Xmx" + serverHeap));
            if (!jfr.isBlank()) {
                flags.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
            }
            try {
                process = ServerProcess.start(Path.of("target", "smartsenior-server.jar"), Map.of(
                        "SSC_MQTT_URL", brokerUrl,
                        "SSC_MQTT_SHARED_GROUP", "bench-" + Integer.toHexString(run),
                        "SSC_DB_URL", schema.jdbcUrl()), flags);
            } catch (Exception e) {
                schema.drop();
                throw e;
            }
            DriverManagerDataSource data = new DriverManagerDataSource(schema.jdbcUrl());
            jdbc = new JdbcTemplate(data);
            for (KioskFleet.Site site : sites) {
                jdbc.update("INSERT INTO site (id, name, created_at) VALUES (?, ?, '2026-12-05T00:00:00Z')", site.id(),
                        "벤치 경로당 " + site.id());
                for (String member : site.members()) {
                    jdbc.update("INSERT INTO member (id, site_id, display_name, birth_year, sex, created_at)"
                            + " VALUES (?, ?, '벤치 회원', 1945, 'F', '2026-12-05T00:00:00Z')", member, site.id());
                }
            }
            jdbc.execute("ANALYZE");
            fleet = new KioskFleet(brokerUrl, run, sites, kiosks, connections, batch, true);
        }

        void finish() throws Exception {
            fleet.stopProducing();
            if (!fleet.awaitDrained(Duration.ofSeconds(180))) {
                say("    not drained after 180 s: %d records un-acked", fleet.unackedRecords());
            }
            KioskFleet.StoredIds stored = fleet.new StoredIds();
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(schema.jdbcUrl())) {
                connection.setAutoCommit(false); // a cursor: millions of ids never sit in memory at once
                try (java.sql.Statement query = connection.createStatement()) {
                    query.setFetchSize(10_000);
                    try (java.sql.ResultSet ids = query.executeQuery("SELECT id FROM measurement")) {
                        while (ids.next()) {
                            stored.add(UUID.fromString(ids.getString(1)));
                        }
                    }
                }
            }
            long[] compared = fleet.compare(stored);
            long rows = jdbc.queryForObject("SELECT COUNT(*) FROM measurement", Long.class);
            long distinct = jdbc.queryForObject("SELECT COUNT(DISTINCT id) FROM measurement", Long.class);
            say("    check: %d records acked, %d rows stored; acked but not stored (lost): %d; stored twice: %d;"
                    + " stored but not acked: %d; rejected %d; acks not matching a batch %d", fleet.ackedTotal(), rows,
                    compared[0], rows - distinct, compared[1], fleet.rejectedRecords.sum(), fleet.wrongAcks.sum());
            say("    server: heap in use at most %d MiB (GC log), %d warnings/errors logged; /api/ingest/stats %s",
                    process.maxHeapUsedMiB(), process.problems().size(), process.stats());
            process.problems().stream().limit(5).forEach(line -> say("      %s", line));
            assertThat(compared[0]).as("acked records not stored").isZero();
            assertThat(rows - distinct).as("records stored twice").isZero();
        }

        @Override
        public void close() {
            fleet.close();
            process.close();
            schema.drop();
        }
    }

    /** The run's sites ({@code ib<run>-<n>}), each with its members; kiosks fill them in order. */
    private List<KioskFleet.Site> sites() {
        List<KioskFleet.Site> sites = new ArrayList<>();
        int count = (kiosks + kiosksPerSite - 1) / kiosksPerSite;
        for (int s = 0; s < count; s++) {
            List<String> members = new ArrayList<>();
            for (int m = 0; m < membersPerSite; m++) {
                // 10 characters of Crockford base32, as the server makes them (a roster cannot be built otherwise)
                members.add("%04X%03d%03d".formatted(run, s, m));
            }
            sites.add(new KioskFleet.Site("ib%04x-%d".formatted(run, s), members));
        }
        return sites;
    }

    /** Prints the rate of each window (the first one dropped as warm-up when there are several) and returns their median. */
    private double windows(String what, List<Long> perSecond) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i + windowSeconds <= perSecond.size(); i += windowSeconds) {
            long sum = 0;
            for (int j = i; j < i + windowSeconds; j++) {
                sum += perSecond.get(j);
            }
            rates.add(sum / (double) windowSeconds);
        }
        if (rates.size() > 2) {
            rates.removeFirst();
        }
        double median = rates.isEmpty() ? Double.NaN : rates.stream().sorted().toList().get(rates.size() / 2);
        say("    %s: median %.0f records/s acked over %d windows of %d s %s", what, median, rates.size(), windowSeconds,
                rates.stream().map(r -> "%.0f".formatted(r)).toList());
        return median;
    }

    private static String every(List<Long> perSecond, int step) {
        List<Long> shown = new ArrayList<>();
        for (int i = 0; i < perSecond.size(); i += step) {
            shown.add(perSecond.get(i));
        }
        return shown.toString();
    }

    private void say(String format, Object... args) {
        String line = args.length == 0 ? format : format.formatted(args);
        System.out.println(line);
        report.append(line).append('\n');
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
