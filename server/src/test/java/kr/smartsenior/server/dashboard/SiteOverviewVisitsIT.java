package kr.smartsenior.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import kr.smartsenior.server.ingest.MeasurementsStored;
import kr.smartsenior.server.member.MembersChanged;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The site overview's last visit, last test and recent "unwell" answer per senior, on SQLite and
 * PostgreSQL: what the query finds, and that a kept site map gives way to a stored result or a
 * changed registration (so the overview never shows an old last visit after the kiosk sent a new one).
 */
class SiteOverviewVisitsIT {

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void lastVisitTestAndRecentUnwellAnswerPerSeniorKeptUntilAChangeIsAnnounced(Supplier<TestDatabase> kind) {
        try (TestDatabase db = kind.get()) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            jdbc.sql("INSERT INTO site (id, name, created_at) VALUES ('s1', '경로당', '2026-01-01T00:00:00Z')").update();
            member(jdbc, "m1");
            member(jdbc, "m2");
            member(jdbc, "m3");
            long now = NOW.toEpochMilli();
            record(jdbc, "m1", "test", "CHAIR_STAND_30S", now - 30 * DAY);
            record(jdbc, "m1", "exercise", "BALANCE", now - 3 * DAY);
            record(jdbc, "m1", "check", "EXERCISE_EFFORT", now - 3 * DAY + 1);
            record(jdbc, "m1", "check", "UNWELL_TODAY", now - 2 * DAY);
            record(jdbc, "m2", "check", "UNWELL_TODAY", now - 8 * DAY); // too old to be shown
            record(jdbc, "m2", "test", "TIMED_UP_AND_GO", now - 40 * DAY);
            SiteOverview overview = new SiteOverview(null, null, jdbc, Clock.fixed(NOW, ZoneOffset.UTC), 14);

            var visits = overview.visits("s1");
            assertThat(visits.get("m1")).containsExactly(now - 2 * DAY, now - 30 * DAY, now - 2 * DAY);
            assertThat(visits.get("m2")).containsExactly(now - 8 * DAY, now - 40 * DAY, 0);
            assertThat(visits.get("m3")).containsExactly(0, 0, 0);

            record(jdbc, "m3", "test", "WEIGHT", now - DAY);
            assertThat(overview.visits("s1").get("m3")).as("kept until a change is announced").containsExactly(0, 0, 0);
            overview.measurementsStored(new MeasurementsStored(Set.of("m3")));
            assertThat(overview.visits("s1").get("m3")).containsExactly(now - DAY, now - DAY, 0);

            member(jdbc, "m4");
            overview.membersChanged(new MembersChanged("s1"));
            assertThat(overview.visits("s1")).containsOnlyKeys("m1", "m2", "m3", "m4");
        }
    }

    private static void member(JdbcClient jdbc, String id) {
        jdbc.sql("""
                INSERT INTO member (id, site_id, display_name, birth_year, sex, created_at)
                VALUES (?, 's1', '김순자', 1945, 'F', '2026-01-01T00:00:00Z')""").param(id).update();
    }

    private static void record(JdbcClient jdbc, String memberId, String kind, String code, long takenAtMs) {
        jdbc.sql("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                         taken_at, taken_at_ms, detail, received_at_ms)
                VALUES (?, ?, 's1', 'kiosk-1', 'b1', ?, ?, 1, 'count', ?, ?, '{}', ?)""")
                .params(UUID.randomUUID().toString(), memberId, kind, code, Instant.ofEpochMilli(takenAtMs).toString(),
                        takenAtMs, takenAtMs)
                .update();
    }
}
