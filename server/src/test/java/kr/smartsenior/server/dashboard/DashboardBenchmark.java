package kr.smartsenior.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.alert.Alerts;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test (its name matches neither Surefire's nor Failsafe's patterns): the benchmark behind
 * {@code scripts/bench-dashboard.sh}. Generates a district in a fresh PostgreSQL schema —
 * SSC_BENCH_SENIORS (default 1000) seniors, half in one large site and the rest in sites of 50, each
 * with SSC_BENCH_YEARS (default 3) years of results: all nine tests every four weeks and exercise
 * twice a week, each session with its effort answer — then times, as a signed-in browser would see
 * them over loopback, the site overview (the large site by name, by last visit, page 7 by last test,
 * searched; a site of 50; and the overview's own work without HTTP), the senior page, the alert inbox,
 * and 10 staff signed in at once, SSC_BENCH_ROUNDS (default 60) requests each after warm-up. Prints
 * p50, p95 and p99 with the load average and writes them to target/bench-dashboard.txt.
 * SSC_BENCH_SCHEMA=it_name keeps the generated data in that schema for the next run (another build
 * timed on the same data); drop it with {@code DROP SCHEMA it_name CASCADE}.
 */
class DashboardBenchmark {

    private static final int CONCURRENT_STAFF = 10;
    private static final String STAFF_PASSWORD = "bench-staff-2026!";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final MeasurementCode[] TESTS = Arrays.stream(MeasurementCode.values())
            .filter(c -> c.kind() == kr.smartsenior.protocol.RecordKind.TEST).toArray(MeasurementCode[]::new);
    private static final Map<MeasurementCode, Double> TYPICAL = Map.of(MeasurementCode.CHAIR_STAND_30S, 13.0,
            MeasurementCode.STEP_IN_PLACE_2MIN, 88.0, MeasurementCode.TIMED_UP_AND_GO, 8.0,
            MeasurementCode.ONE_LEG_STANCE, 12.0, MeasurementCode.FIGURE_8_WALK, 26.0,
            MeasurementCode.GRIP_STRENGTH, 22.0, MeasurementCode.SIT_AND_REACH, 3.0, MeasurementCode.HEIGHT, 155.0,
            MeasurementCode.WEIGHT, 58.0);
    private static final String[] FAMILY = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"};
    private static final String[] GIVEN = {"순자", "영수", "말순", "복례", "판석", "옥자", "금순", "덕배", "정희", "영자"};

    @Test
    void run() throws Exception {
        int seniors = setting("SSC_BENCH_SENIORS", 1000);
        int years = setting("SSC_BENCH_YEARS", 3);
        int rounds = setting("SSC_BENCH_ROUNDS", 60);
        // SSC_BENCH_SCHEMA=it_<letters/digits>: keep the generated district in that schema and reuse it on
        // the next run (so two builds, say before and after a change, are timed on the same data)
        String kept = System.getenv("SSC_BENCH_SCHEMA");
        RequiredServices.PostgresSchema schema = kept == null || kept.isBlank() ? RequiredServices.freshPostgresSchema()
                : RequiredServices.keptPostgresSchema(kept.strip());
        Path dataDir = Files.createTempDirectory("ssc-bench-");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", schema.jdbcUrl() + "&reWriteBatchedInserts=true");
        List<Runnable> cleanups = new ArrayList<>();
        if (kept == null || kept.isBlank()) {
            cleanups.add(schema::drop);
        }
        cleanups.add(() -> TestDatabase.deleteTree(dataDir));
        String loadBefore = loadAverage();
        try (TestServer server = TestServer.start(settings, cleanups)) {
            long started = System.nanoTime();
            List<String> ids = new ArrayList<>();
            List<String> sites = new ArrayList<>();
            long records;
            String generated;
            if (server.jdbc().sql("SELECT COUNT(*) FROM member").query(Integer.class).single() > 0) {
                ids.addAll(server.jdbc().sql("SELECT id FROM member WHERE anonymised = 0 ORDER BY id").query(String.class).list());
                sites.add("bench-big");
                sites.addAll(server.jdbc().sql("SELECT id FROM site WHERE id <> 'bench-big' ORDER BY LENGTH(id), id")
                        .query(String.class).list());
                records = server.jdbc().sql("SELECT COUNT(*) FROM measurement").query(Long.class).single();
                generated = "reused from schema " + schema.name();
            } else {
                records = generate(server, seniors, years, ids, sites);
                generated = "generated in %.0f s".formatted((System.nanoTime() - started) / 1e9);
            }
            seniors = ids.size();
            server.jdbc().sql("ANALYZE").update();
            Alerts.awaitIdle(server, Duration.ofMinutes(15)); // the registrations' alert refresh (on a kept schema: the start-up sweep) is not timed

            Browser browser = new Browser(server.baseUrl());
            browser.login("admin", TestServer.ADMIN_PASSWORD);
            String big = sites.getFirst();
            String small = sites.get(1);
            Random pick = new Random(1);
            Map<String, double[]> timings = new LinkedHashMap<>();
            // the overview's own work (queries and evaluations of the rows shown), in the server's JVM
            // without HTTP, security, audit or Thymeleaf: the rest of the page's time is theirs
            SiteOverview overview = server.bean(SiteOverview.class);
            timings.put("  of which SiteOverview.page alone (no HTTP, security, audit, Thymeleaf)",
                    timeInProcess(rounds, () -> overview.page(big, "", SiteOverview.Sort.NAME, 1)));
            timings.put("site overview, " + count(server, big) + " seniors, page 1 by name",
                    time(browser, rounds, i -> "/sites/" + big));
            timings.put("site overview, " + count(server, big) + " seniors, page 1 by last visit",
                    time(browser, rounds, i -> "/sites/" + big + "?sort=VISIT"));
            timings.put("site overview, " + count(server, big) + " seniors, page 7 by last test",
                    time(browser, rounds, i -> "/sites/" + big + "?sort=TEST&page=7"));
            timings.put("site overview, " + count(server, big) + " seniors, search by name",
                    time(browser, rounds, i -> "/sites/" + big + "?q=" + URLEncoder.encode(FAMILY[i % FAMILY.length],
                            StandardCharsets.UTF_8)));
            timings.put("site overview, " + count(server, small) + " seniors, page 1 by name",
                    time(browser, rounds, i -> "/sites/" + small));
            timings.put("senior page (charts of " + years + " years, prescriptions, screening)",
                    time(browser, rounds, i -> "/members/" + ids.get(pick.nextInt(ids.size()))));
            long sweepStarted = System.nanoTime();
            Alerts.sweep(server);
            double sweepSeconds = (System.nanoTime() - sweepStarted) / 1e9;
            Alerts.awaitIdle(server, Duration.ofMinutes(15)); // time the pages, not the refresh of the generation's last changes
            int alerts = server.jdbc().sql("SELECT COUNT(*) FROM alert WHERE active = 1").query(Integer.class).single();
            timings.put("alert inbox, every site (admin), by severity", time(browser, rounds, i -> "/"));
            timings.put("alert inbox, every site (admin), by name, page 5", time(browser, rounds, i -> "/?sort=NAME&page=5"));
            timings.put("alert inbox, every site (admin), absences only (contacts read)",
                    time(browser, rounds, i -> "/?kind=ABSENCE"));
            List<Browser> staff = new ArrayList<>();
            for (int n = 0; n < CONCURRENT_STAFF; n++) {
                String siteOfStaff = n < CONCURRENT_STAFF / 2 ? big : sites.get(1 + n % (sites.size() - 1));
                int status = server.api().post("/api/staff", Map.of("username", "staff" + n, "password", STAFF_PASSWORD,
                        "role", "STAFF", "siteIds", List.of(siteOfStaff))).status();
                assertThat(status).as("staff%d (409: made by an earlier run on this schema)", n).isIn(201, 409);
                Browser session = new Browser(server.baseUrl());
                session.login("staff" + n, STAFF_PASSWORD);
                staff.add(session);
            }
            String loadConcurrent = loadAverage();
            Map<String, double[]> together = concurrently(staff, rounds, List.of(
                    n -> "/", n -> "/?sort=NEWEST&page=2",
                    n -> "/sites/" + (n < CONCURRENT_STAFF / 2 ? big : sites.get(1 + n % (sites.size() - 1)))));
            String loadAfter = loadAverage();
            StringBuilder report = new StringBuilder("""
                    PostgreSQL, %d seniors in %d sites, %d records (%d per senior); %s
                    load average (1, 5, 15 min) at start %s, before the 10 staff %s, at the end %s; %d cores
                    alerts derived for every senior and site in %.1f s (%d active alerts)
                    server time as seen over loopback by a signed-in browser, %d requests each after 5 warm-up:
                    """.formatted(seniors, sites.size(), records, records / Math.max(1, seniors), generated,
                    loadBefore, loadConcurrent, loadAfter, Runtime.getRuntime().availableProcessors(),
                    sweepSeconds, alerts, rounds));
            timings.forEach((what, ms) -> report.append(line(what, ms)));
            report.append("%d staff signed in at once (half of the large site, half of sites of 50), each in turn:"
                    .formatted(CONCURRENT_STAFF) + " inbox, inbox page 2 by newest, own site's overview;"
                    + " %d rounds each:%n".formatted(rounds));
            together.forEach((what, ms) -> report.append(line(what, ms)));
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-dashboard.txt"), report);
        }
    }

    private static String line(String what, double[] ms) {
        return "  %-72s p50 %6.1f   p95 %6.1f   p99 %6.1f ms%n".formatted(what, percentile(ms, 50), percentile(ms, 95),
                percentile(ms, 99));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double[] timeInProcess(int rounds, Runnable work) {
        for (int i = 0; i < 5; i++) {
            work.run();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** The data generator: sites, seniors (through the API) and their results (batched SQL). */
    private static long generate(TestServer server, int seniors, int years, List<String> ids, List<String> sites) {
        int bigSite = seniors / 2;
        int perSmallSite = 50;
        sites.add("bench-big");
        server.api().post("/api/sites", Map.of("id", "bench-big", "name", "큰 경로당", "wave", 1));
        JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
        // an API token, not the admin's password: HTTP Basic costs one BCrypt comparison per request
        // (decision 0029), most of the generation's time with 1,000 registrations on a busy machine
        ServerApi.Response token = server.api().post("/api/tokens", Map.of("name", "benchmark", "scope", "ADMIN",
                "siteIds", List.of(), "days", 1));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        ServerApi api = server.api().withToken(token.json().get("secret").asText());
        Random random = new Random(42);
        long records = 0;
        for (int s = 0; s < seniors; s++) {
            String site = "bench-big";
            if (s >= bigSite) {
                site = "bench-" + ((s - bigSite) / perSmallSite + 1);
                if (!sites.contains(site)) {
                    sites.add(site);
                    api.post("/api/sites", Map.of("id", site, "name", "경로당 " + sites.size(),
                            "wave", 1 + sites.size() % 3));
                }
            }
            String name = FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String id = api.createMember(site, name, 1930 + random.nextInt(30), random.nextBoolean() ? "F" : "M");
            ids.add(id);
            records += history(jdbc, site, id, years, random);
        }
        return records;
    }

    static long history(JdbcTemplate jdbc, String siteId, String memberId, int years, Random random) {
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime today = OffsetDateTime.now(ZoneOffset.ofHours(9)).withHour(10);
        OffsetDateTime start = today.minusYears(years).plusDays(random.nextInt(28));
        // about 8 in 100 stopped coming 20 to 220 days ago (absence alerts); about 4 in 100 told the
        // kiosk this week they felt unwell
        OffsetDateTime now = random.nextInt(100) < 8 ? today.minusDays(20 + random.nextInt(200)) : today;
        if (now.equals(today) && random.nextInt(100) < 4) {
            rows.add(new Object[] {MeasurementCode.UNWELL_TODAY, 1.0, today.minusDays(random.nextInt(6))});
        }
        double fitness = random.nextGaussian() * 0.15;
        for (OffsetDateTime day = start; day.isBefore(now); day = day.plusWeeks(4)) {
            for (MeasurementCode code : TESTS) {
                double typical = TYPICAL.get(code);
                double value = code == MeasurementCode.HEIGHT ? typical
                        : typical * (1 + fitness) + random.nextGaussian() * Math.abs(typical) * 0.08;
                value = Math.max(code.min().doubleValue(), Math.min(code.max().doubleValue(), value));
                rows.add(new Object[] {code, Math.round(value * 10) / 10.0, day.plusMinutes(rows.size() % 9)});
            }
        }
        for (OffsetDateTime day = start; day.isBefore(now); day = day.plusDays(3 + random.nextInt(2))) {
            rows.add(new Object[] {MeasurementCode.BALANCE, 600.0, day.plusHours(1)});
            // the kiosk asks how hard each session felt (a check record, like the "unwell" answer)
            rows.add(new Object[] {MeasurementCode.EXERCISE_EFFORT, (double) (3 + random.nextInt(5)),
                    day.plusHours(1).plusMinutes(11)});
        }
        jdbc.batchUpdate("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                         taken_at, taken_at_ms, detail, received_at_ms)
                VALUES (?, ?, ?, 'kiosk-1', 'bench', ?, ?, ?, ?, ?, ?, '{}', ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                MeasurementCode code = (MeasurementCode) row[0];
                OffsetDateTime at = (OffsetDateTime) row[2];
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, memberId);
                ps.setString(3, siteId);
                ps.setString(4, code.kind().wireName());
                ps.setString(5, code.name());
                ps.setBigDecimal(6, java.math.BigDecimal.valueOf((Double) row[1]));
                ps.setString(7, code.unit().wireName());
                ps.setString(8, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
                ps.setLong(9, at.toInstant().toEpochMilli());
                ps.setLong(10, at.toInstant().toEpochMilli());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        return rows.size();
    }

    private static int count(TestServer server, String site) {
        return server.jdbc().sql("SELECT COUNT(*) FROM member WHERE site_id = ?").param(site).query(Integer.class).single();
    }

    private static double[] time(Browser browser, int rounds, java.util.function.IntFunction<String> path)
            throws IOException, InterruptedException {
        for (int i = 0; i < 5; i++) {
            assertThat(browser.get(path.apply(i)).statusCode()).isEqualTo(200);
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            String p = path.apply(i);
            long start = System.nanoTime();
            HttpResponse<String> response = browser.get(p);
            ms[i] = (System.nanoTime() - start) / 1e6;
            assertThat(response.statusCode()).as(p).isEqualTo(200);
        }
        return ms;
    }

    /**
     * Every session at once, each requesting the pages in turn for {@code rounds} rounds (after one
     * warm-up round); the times per page (its index in {@code pages}) of all sessions together.
     */
    private static Map<String, double[]> concurrently(List<Browser> sessions, int rounds,
            List<java.util.function.IntFunction<String>> pages) throws Exception {
        List<List<Double>> times = new ArrayList<>();
        pages.forEach(p -> times.add(java.util.Collections.synchronizedList(new ArrayList<>())));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(sessions.size());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int n = 0; n < sessions.size(); n++) {
                int who = n;
                running.add(pool.submit(() -> {
                    go.await();
                    for (int round = -1; round < rounds; round++) {
                        for (int p = 0; p < pages.size(); p++) {
                            String path = pages.get(p).apply(who);
                            long start = System.nanoTime();
                            HttpResponse<String> response = sessions.get(who).get(path);
                            double ms = (System.nanoTime() - start) / 1e6;
                            assertThat(response.statusCode()).as(path).isEqualTo(200);
                            if (round >= 0) {
                                times.get(p).add(ms);
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String[] names = {"alert inbox (own sites), by severity", "alert inbox (own sites), page 2 by newest",
                "site overview of the staff member's site, page 1"};
        Map<String, double[]> result = new LinkedHashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            result.put(names[p], times.get(p).stream().mapToDouble(Double::doubleValue).toArray());
        }
        return result;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    /** A cookie-keeping client that signs in with the form, as a browser does. */
    private static final class Browser {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Browser(String base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        void login(String user, String password) throws IOException, InterruptedException {
            Matcher m = CSRF.matcher(get("/login").body());
            assertThat(m.find()).isTrue();
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }
    }
}
