package kr.smartsenior.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.function.Supplier;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.web.ConflictException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sites, the same on SQLite and PostgreSQL. */
@Timeout(60)
class SiteRepositoryIT {

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void createsListsAndRefusesDuplicates(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            SiteRepository sites = new SiteRepository(JdbcClient.create(db.dataSource()), Clock.systemUTC());

            Site created = sites.create("ydp-02", "영등포 제2경로당");
            sites.create("ydp-01", "영등포 경로당");

            assertThat(created.createdAt()).endsWith("Z");
            assertThat(sites.exists("ydp-02")).isTrue();
            assertThat(sites.exists("ydp-03")).isFalse();
            assertThat(sites.all()).extracting(Site::id).containsExactly("ydp-01", "ydp-02");
            assertThat(sites.all()).extracting(Site::name).contains("영등포 제2경로당");
            assertThatThrownBy(() -> sites.create("ydp-01", "again")).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("ydp-01");
        }
    }

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void rosterVersionsOnlyRiseAndNeverFallBelowTheClock(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            SiteRepository sites = new SiteRepository(JdbcClient.create(db.dataSource()), Clock.systemUTC());
            sites.create("ydp-01", "영등포 경로당");

            long first = sites.nextRosterVersion("ydp-01", 1_000).orElseThrow();
            long second = sites.nextRosterVersion("ydp-01", 1_000).orElseThrow();
            long afterRestore = sites.nextRosterVersion("ydp-01", 5_000_000_000_000L).orElseThrow();

            assertThat(first).isEqualTo(1_000);
            assertThat(second).isEqualTo(1_001);
            assertThat(afterRestore).isEqualTo(5_000_000_000_000L);
            assertThat(sites.nextRosterVersion("nowhere", 1)).isEmpty();
            assertThat(sites.ids()).containsExactly("ydp-01");
            assertThat(sites.name("ydp-01")).contains("영등포 경로당");
            assertThat(sites.name("nowhere")).isEmpty();
        }
    }
}
