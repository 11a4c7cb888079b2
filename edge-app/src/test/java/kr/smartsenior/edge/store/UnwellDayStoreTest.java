package kr.smartsenior.edge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnwellDayStoreTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path dir;

    @Test
    void aDayRememberedSurvivesARestartForThatMemberAndThatDayOnly() {
        try (LocalStore store = LocalStore.open(dir)) {
            store.unwellDays().remember("M5R1C8ZL2B", MONDAY);
            store.unwellDays().remember("M5R1C8ZL2B", MONDAY); // twice: harmless
        }
        try (LocalStore reopened = LocalStore.open(dir)) {
            UnwellDayStore days = reopened.unwellDays();
            assertThat(days.unwellOn("M5R1C8ZL2B", MONDAY)).isTrue();
            assertThat(days.unwellOn("M5R1C8ZL2B", MONDAY.plusDays(1))).isFalse();
            assertThat(days.unwellOn("M7K2Q9XD4T", MONDAY)).isFalse();
        }
    }

    @Test
    void onlyTodayAndYesterdayAreKept() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            store.unwellDays().remember("A", MONDAY.minusDays(5));
            store.unwellDays().remember("B", MONDAY.minusDays(1));
            store.unwellDays().remember("C", MONDAY);
            assertThat(store.unwellDays().unwellOn("A", MONDAY.minusDays(5))).isFalse();
            assertThat(store.unwellDays().unwellOn("B", MONDAY.minusDays(1))).isTrue();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(LocalStore.FILE_NAME));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT group_concat(member_id || ' ' || day, ', ') FROM unwell_day")) {
            rows.next();
            assertThat(rows.getString(1)).as("member ids and dates only").isEqualTo("B 2026-12-06, C 2026-12-07");
        }
    }

    @Test
    void aStoreOfTheEarlierSchemaGainsTheTable() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(LocalStore.FILE_NAME));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE outbox (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, json TEXT NOT NULL,"
                    + " appended_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL)");
            statement.execute("CREATE TABLE rejected (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, json TEXT NOT NULL,"
                    + " reason TEXT NOT NULL, rejected_at INTEGER NOT NULL)");
            statement.execute("CREATE TABLE roster (site_id TEXT PRIMARY KEY, version INTEGER NOT NULL, json TEXT NOT NULL,"
                    + " saved_at INTEGER NOT NULL)");
            statement.execute("PRAGMA user_version = 2");
        }
        try (LocalStore store = LocalStore.open(dir)) {
            store.unwellDays().remember("A", MONDAY);
            assertThat(store.unwellDays().unwellOn("A", MONDAY)).isTrue();
            assertThat(store.outbox().size()).isZero();
        }
    }
}
