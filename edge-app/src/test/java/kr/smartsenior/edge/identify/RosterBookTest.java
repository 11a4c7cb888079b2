package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.protocol.Roster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterBookTest {

    @TempDir
    Path dir;

    @Test
    void aRosterSurvivesARestartAndAnOlderOneNeverReplacesIt() {
        try (LocalStore store = LocalStore.open(dir); RosterBook book = RosterBook.open(Cards.SITE, store.rosterCache())) {
            assertThat(book.accept(Cards.payload(Cards.roster(7, Cards.KIM)))).isTrue();
            assertThat(book.accept(Cards.payload(Cards.roster(6, Cards.PARK)))).isFalse();
            assertThat(book.accept(Cards.payload(Cards.roster(7, Cards.PARK)))).isFalse(); // the same again
        }
        try (LocalStore store = LocalStore.open(dir); RosterBook book = RosterBook.open(Cards.SITE, store.rosterCache())) {
            assertThat(book.current()).hasValueSatisfying(r -> {
                assertThat(r.version()).isEqualTo(7);
                assertThat(r.members()).extracting(e -> e.memberId()).containsExactly(Cards.KIM.memberId());
            });
            assertThat(store.rosterCache().save(Cards.SITE, 3, Cards.json(Cards.roster(3)))).isFalse();
        }
    }

    @Test
    void malformedOrForeignRostersAreIgnoredAndTheGoodOneKept() {
        try (LocalStore store = LocalStore.open(dir); RosterBook book = RosterBook.open(Cards.SITE, store.rosterCache())) {
            book.accept(Cards.payload(Cards.roster(7, Cards.KIM)));

            assertThat(book.accept("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
            assertThat(book.accept("[]".getBytes(StandardCharsets.UTF_8))).isFalse();
            assertThat(book.accept("{\"siteId\":\"ydp-01\",\"version\":\"eight\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
            assertThat(book.accept(Cards.payload(new Roster("other-site", 99, OffsetDateTime.now(), List.of())))).isFalse();
            assertThat(book.accept(new byte[0])).isFalse();

            assertThat(book.current().orElseThrow().version()).isEqualTo(7);
        }
    }

    @Test
    void entriesWithMissingFieldsAreLeftOutAndTheRestUsed() {
        String json = """
                {"siteId":"ydp-01","version":9,"members":[
                  {"memberId":"M7K2Q9XD4T","displayName":"김영희","tokenHash":"%s","cardVersion":2},
                  {"memberId":null,"displayName":"x","tokenHash":"y","cardVersion":1},
                  {"displayName":"no id"}]}""".formatted(Cards.KIM.hash());
        try (LocalStore store = LocalStore.open(dir); RosterBook book = RosterBook.open(Cards.SITE, store.rosterCache())) {
            assertThat(book.accept(json.getBytes(StandardCharsets.UTF_8))).isTrue();
            assertThat(CardCheck.check(Cards.KIM.text(), book.snapshot())).isInstanceOf(Identification.Identified.class);
        }
    }

    @Test
    void payloadsOfferedFromTheMqttThreadAreTakenInOrder() {
        try (LocalStore store = LocalStore.open(dir); RosterBook book = RosterBook.open(Cards.SITE, store.rosterCache())) {
            book.offer(Cards.payload(Cards.roster(1, Cards.KIM)));
            book.offer("garbage".getBytes(StandardCharsets.UTF_8));
            book.offer(Cards.payload(Cards.roster(2, Cards.KIM, Cards.PARK)));

            await().atMost(Duration.ofSeconds(5)).until(() -> book.current().map(Roster::version).orElse(0L) == 2);
        }
    }
}
