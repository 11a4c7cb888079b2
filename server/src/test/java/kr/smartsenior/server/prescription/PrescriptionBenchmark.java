package kr.smartsenior.server.prescription;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import kr.smartsenior.server.fitness.Evaluator;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test (its name matches neither Surefire's nor Failsafe's patterns): the benchmark behind
 * {@code scripts/bench-prescription.sh}. A site of SSC_BENCH_MEMBERS seniors (default 60), each
 * with SSC_BENCH_YEARS (default 5) of history: every test weekly and three exercise sessions a
 * week. Times (medians of SSC_BENCH_ROUNDS, default 9): evaluating one senior, evaluating and
 * prescribing one senior (history read, evaluation, rules, comparison with the stored version),
 * and re-prescribing the whole site. Writes the figures to target/bench-prescription.txt.
 */
class PrescriptionBenchmark {

    static final String[][] TESTS = {{"CHAIR_STAND_30S", "count", "12"}, {"STEP_IN_PLACE_2MIN", "count", "85"},
            {"TIMED_UP_AND_GO", "s", "9"}, {"ONE_LEG_STANCE", "s", "12"}, {"FIGURE_8_WALK", "s", "25"},
            {"GRIP_STRENGTH", "kg", "22"}, {"SIT_AND_REACH", "cm", "3"}, {"HEIGHT", "cm", "155"}, {"WEIGHT", "kg", "58"}};
    static final String[] PROGRAMS = {"STEP_JUMP", "BALANCE", "INTERVAL"};

    @Test
    void run() throws IOException {
        int members = setting("SSC_BENCH_MEMBERS", 60);
        int years = setting("SSC_BENCH_YEARS", 5);
        int rounds = setting("SSC_BENCH_ROUNDS", 9);
        try (TestServer server = TestServer.embedded()) {
            String siteId = "bench-" + UUID.randomUUID().toString().substring(0, 6);
            server.api().createSite(siteId, "벤치마크 경로당");
            List<String> ids = new ArrayList<>();
            long rows = 0;
            for (int m = 0; m < members; m++) {
                String id = server.api().createMember(siteId, "회원" + m, 1940 + m % 20, m % 2 == 0 ? "F" : "M");
                ids.add(id);
                rows += history(server.bean(JdbcTemplate.class), siteId, id, years, new Random(m));
            }
            Prescriber prescriber = server.bean(Prescriber.class);
            Evaluator evaluator = server.bean(Evaluator.class);
            MemberDirectory.Senior one = server.bean(MemberDirectory.class).find(ids.getFirst()).orElseThrow();
            long firstPrescription = time(() -> prescriber.refresh(one.id()));
            for (int i = 0; i < 3; i++) { // warm-up
                evaluator.evaluate(one);
                prescriber.refresh(one.id());
            }
            double[] evaluate = new double[rounds];
            double[] prescribe = new double[rounds];
            double[] site = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                evaluate[r] = time(() -> evaluator.evaluate(one)) / 1e6;
                prescribe[r] = time(() -> prescriber.refresh(one.id())) / 1e6;
                site[r] = time(() -> prescriber.refreshSite(siteId)) / 1e6;
            }
            String report = """
                    members %d, history %d years, %d records in all (%d per member), %d rounds
                    first prescription of one senior (cold JVM): %.1f ms
                    evaluate one senior, median: %.2f ms
                    evaluate and prescribe one senior, median: %.2f ms
                    re-prescribe the whole site (%d members), median: %.0f ms (%.2f ms per member)
                    """.formatted(members, years, rows, rows / members, rounds, firstPrescription / 1e6,
                    median(evaluate), median(prescribe), members, median(site), median(site) / members);
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-prescription.txt"), report);
        }
    }

    private static long history(JdbcTemplate jdbc, String siteId, String memberId, int years, Random random) {
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusYears(years);
        for (OffsetDateTime week = start; week.isBefore(OffsetDateTime.now().minusDays(1)); week = week.plusWeeks(1)) {
            for (String[] test : TESTS) {
                double base = Double.parseDouble(test[2]);
                double value = test[0].equals("HEIGHT") ? base : Math.max(0, base + random.nextGaussian() * base * 0.08);
                rows.add(new Object[] {"test", test[0], Math.round(value * 10) / 10.0, test[1], week, "{}"});
            }
            for (int s = 0; s < 3; s++) {
                rows.add(new Object[] {"exercise", PROGRAMS[s], 600.0, "s", week.plusDays(s * 2 + 1),
                        "{\"level\":" + (1 + random.nextInt(3)) + "}"});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                         taken_at, taken_at_ms, detail, received_at_ms)
                VALUES (?, ?, ?, 'kiosk-1', 'bench', ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                OffsetDateTime at = (OffsetDateTime) row[4];
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, memberId);
                ps.setString(3, siteId);
                ps.setString(4, (String) row[0]);
                ps.setString(5, (String) row[1]);
                ps.setDouble(6, (Double) row[2]);
                ps.setString(7, (String) row[3]);
                ps.setString(8, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
                ps.setLong(9, at.toInstant().toEpochMilli());
                ps.setString(10, (String) row[5]);
                ps.setLong(11, at.toInstant().toEpochMilli());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        return rows.size();
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
