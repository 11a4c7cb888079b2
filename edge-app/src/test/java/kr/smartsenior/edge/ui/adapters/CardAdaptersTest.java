package kr.smartsenior.edge.ui.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import kr.smartsenior.edge.identify.Identification;
import kr.smartsenior.edge.identify.IdentificationListener;
import kr.smartsenior.edge.identify.Identifier;
import kr.smartsenior.edge.identify.Refusal;
import kr.smartsenior.edge.identify.RosterBook;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.edge.ui.ports.CardEvents;
import kr.smartsenior.edge.ui.ports.CardEvents.CardEvent;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.card.CardToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screens' card and member ports over the identification feature and the synced roster. */
class CardAdaptersTest {

    private static final String SITE = "ydp-01";
    private static final CardToken KIM = new CardToken("M7K2Q9XD4T", 2, "4J8ZQ0N6W2C5TD1XKR3M");
    private static final CardToken PARK = new CardToken("P4RK0000AA", 1, "Z9Y8X7W6V5T4S3R2Q1P0");
    private static final KioskPrescription KIM_PLAN = Prescriptions.lines("걷기 30분, 주 5회", "의자 앉았다 일어서기 10회 2세트");
    private static final IdentificationListener.Scan SCAN = new IdentificationListener.Scan(Identifier.SCANNER, 0);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    /** A roster book over the local store, as the sync leaves it: Kim with a prescription, Park without. */
    private RosterBook syncedRoster() {
        LocalStore store = LocalStore.open(dir);
        open.add(store);
        Roster roster = new Roster(SITE, 7, OffsetDateTime.parse("2026-11-21T09:00:00+09:00"), List.of(
                new RosterEntry(KIM.memberId(), "김영희", KIM.hash(), KIM.cardVersion(), KIM_PLAN),
                new RosterEntry(PARK.memberId(), "박철수", PARK.hash(), PARK.cardVersion(), KioskPrescription.NONE)));
        store.rosterCache().save(SITE, roster.version(), new String(new ProtocolCodec().encode(roster), StandardCharsets.UTF_8));
        RosterBook book = RosterBook.open(SITE, store.rosterCache());
        open.add(book);
        assertThat(book.current()).isPresent();
        return book;
    }

    @Test
    void everyRefusalOfTheIdentifierHasAScreenReason() {
        assertThat(IdentifiedCards.reason(Refusal.UNKNOWN_CARD)).isEqualTo(CardEvents.Refusal.UNKNOWN_CARD);
        assertThat(IdentifiedCards.reason(Refusal.REVOKED_CARD)).isEqualTo(CardEvents.Refusal.REVOKED_CARD);
        assertThat(IdentifiedCards.reason(Refusal.NOT_OUR_CARD)).isEqualTo(CardEvents.Refusal.NOT_A_MEMBER_CARD);
        assertThat(IdentifiedCards.reason(Refusal.FORGED_CARD)).isEqualTo(CardEvents.Refusal.NOT_A_MEMBER_CARD);
        // our card, but this kiosk cannot check it yet: not "not a member card", which would be untrue
        assertThat(IdentifiedCards.reason(Refusal.CARD_NOT_YET_KNOWN)).isEqualTo(CardEvents.Refusal.UNKNOWN_CARD);
        assertThat(IdentifiedCards.reason(Refusal.NO_ROSTER)).isEqualTo(CardEvents.Refusal.UNKNOWN_CARD);
    }

    @Test
    void theScreensSentenceIsShownUnlessTheIdentifiersSaysMore() {
        assertThat(IdentifiedCards.event(new Identification.Refused(Refusal.UNKNOWN_CARD, "M1")))
                .isEqualTo(new CardEvent.Refused(CardEvents.Refusal.UNKNOWN_CARD, ""));
        assertThat(IdentifiedCards.event(new Identification.Refused(Refusal.NOT_OUR_CARD, null)))
                .isEqualTo(new CardEvent.Refused(CardEvents.Refusal.NOT_A_MEMBER_CARD, ""));
        assertThat(IdentifiedCards.event(new Identification.Refused(Refusal.NO_ROSTER, "M1")))
                .isEqualTo(new CardEvent.Refused(CardEvents.Refusal.UNKNOWN_CARD, Refusal.NO_ROSTER.message()));
        assertThat(IdentifiedCards.event(new Identification.Refused(Refusal.FORGED_CARD, "M1")))
                .isEqualTo(new CardEvent.Refused(CardEvents.Refusal.NOT_A_MEMBER_CARD, Refusal.FORGED_CARD.message()));
    }

    @Test
    void anIdentifiedMemberReachesTheScreensWithTheRosterName() {
        IdentifiedCards cards = new IdentifiedCards();
        List<CardEvent> events = new ArrayList<>();
        cards.identified(new Identification.Identified(KIM.memberId(), "김영희", 2, KIM_PLAN), SCAN); // before start
        cards.start(events::add);
        cards.identified(new Identification.Identified(KIM.memberId(), "김영희", 2, KIM_PLAN), SCAN);
        assertThat(events).containsExactly(new CardEvent.Identified(KIM.memberId(), "김영희"));
    }

    @Test
    void theMembersPrescriptionComesFromTheSyncedRosterOrIsNotReadyYet() {
        RosterMemberInfo members = new RosterMemberInfo(syncedRoster());
        assertThat(members.prescription(KIM.memberId())).isEqualTo(KIM_PLAN);
        assertThat(members.prescription(PARK.memberId())).as("처방 준비 중").isEqualTo(KioskPrescription.NONE);
        assertThat(members.prescription("NOBODY0000")).isEqualTo(KioskPrescription.NONE);
    }

    @Test
    void beforeAnyRosterNobodyHasAPrescription() {
        LocalStore store = LocalStore.open(dir);
        open.add(store);
        RosterBook empty = RosterBook.open(SITE, store.rosterCache());
        open.add(empty);
        assertThat(new RosterMemberInfo(empty).prescription(KIM.memberId())).isEqualTo(KioskPrescription.NONE);
    }

    @Test
    void aWedgeScanTypedIntoTheWindowReachesTheScreensAsTheMember() {
        IdentifiedCards cards = new IdentifiedCards();
        List<CardEvent> events = new CopyOnWriteArrayList<>();
        cards.start(events::add);
        Identifier identifier = new Identifier(syncedRoster(), cards);
        open.add(identifier);
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        ScannerKeys keys = new ScannerKeys(text -> identifier.scanned(text, Identifier.SCANNER), () -> clock.addAndGet(3_000_000));

        for (char c : KIM.text().toCharArray()) {
            keys.accept(String.valueOf(c)); // a scanner types 3 ms apart
        }
        keys.accept("\n");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.contains(new CardEvent.Identified(KIM.memberId(), "김영희")));
        assertThat(events).hasSize(1);
    }

    @Test
    void aPersonTypingSlowlyIsNotAScanAndAnOldCardIsRefusedAsRevoked() {
        IdentifiedCards cards = new IdentifiedCards();
        List<CardEvent> events = new CopyOnWriteArrayList<>();
        cards.start(events::add);
        Identifier identifier = new Identifier(syncedRoster(), cards);
        open.add(identifier);
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        ScannerKeys slow = new ScannerKeys(text -> identifier.scanned(text, Identifier.SCANNER),
                () -> clock.addAndGet(300_000_000));
        for (char c : KIM.text().toCharArray()) {
            slow.accept(String.valueOf(c));
        }
        slow.accept("\n");

        String oldCard = new CardToken(KIM.memberId(), 1, KIM.mac()).text();
        ScannerKeys fast = new ScannerKeys(text -> identifier.scanned(text, Identifier.SCANNER),
                () -> clock.addAndGet(2_000_000));
        fast.accept(oldCard + "\n"); // several characters in one key event are fine too

        await().atMost(Duration.ofSeconds(30)).until(() -> !events.isEmpty());
        assertThat(events).containsExactly(new CardEvent.Refused(CardEvents.Refusal.REVOKED_CARD, ""));
    }
}
