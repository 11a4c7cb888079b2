package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.card.CardToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every decision the kiosk makes about a card, offline against its roster. */
@Timeout(30)
class IdentifierTest {

    @TempDir
    Path dir;
    private LocalStore store;
    private RosterBook book;
    private final List<Identification> told = new CopyOnWriteArrayList<>();
    private Identifier identifier;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir);
        book = RosterBook.open(Cards.SITE, store.rosterCache());
        identifier = new Identifier(book, (result, scan) -> told.add(result));
    }

    @AfterEach
    void close() {
        identifier.close();
        book.close();
        store.close();
    }

    @Test
    void aCurrentCardIdentifiesItsMemberWithTheirPrescription() {
        book.accept(Cards.payload(Cards.roster(5, Cards.KIM, Cards.PARK)));

        Identification result = identifier.check(Cards.KIM.text());

        assertThat(result).isInstanceOfSatisfying(Identification.Identified.class, who -> {
            assertThat(who.memberId()).isEqualTo("M7K2Q9XD4T");
            assertThat(who.displayName()).isEqualTo("김영희");
            assertThat(who.prescription().program(MeasurementCode.BALANCE)).isPresent();
            assertThat(who.message()).isEqualTo("김영희님, 반갑습니다.");
            assertThat(who.toString()).doesNotContain("김영희");
        });
    }

    @Test
    void everyRefusalHasItsOwnReasonAndKoreanMessage() {
        assertThat(refusal(Cards.KIM.text())).isEqualTo(Refusal.NO_ROSTER);
        book.accept(Cards.payload(Cards.roster(5, Cards.KIM)));

        assertThat(refusal("https://pay.example.com/qr?id=123")).isEqualTo(Refusal.NOT_OUR_CARD);
        assertThat(refusal(Cards.PARK.text())).isEqualTo(Refusal.UNKNOWN_CARD);
        assertThat(refusal(new CardToken("M7K2Q9XD4T", 1, Cards.KIM.mac()).text())).isEqualTo(Refusal.REVOKED_CARD);
        assertThat(refusal(new CardToken("M7K2Q9XD4T", 3, Cards.KIM.mac()).text())).isEqualTo(Refusal.CARD_NOT_YET_KNOWN);
        assertThat(refusal(new CardToken("M7K2Q9XD4T", 2, "4J8ZQ0N6W2C5TD1XKR3N").text())).isEqualTo(Refusal.FORGED_CARD);
        assertThat(refusal("SSC1:M7K2Q9XD4T:2:TRUNCATED")).isEqualTo(Refusal.FORGED_CARD);
        assertThat(Refusal.UNKNOWN_CARD.message()).isEqualTo("등록되지 않은 카드입니다. 직원에게 문의해 주세요.");
        assertThat(List.of(Refusal.values())).extracting(Refusal::message).doesNotHaveDuplicates()
                .allSatisfy(message -> assertThat(message).matches(".*[가-힣].*"));
    }

    @Test
    void aReissuedCardRevokesTheOldOneOnceTheNewRosterArrives() {
        book.accept(Cards.payload(Cards.roster(5, Cards.KIM)));
        CardToken newCard = new CardToken("M7K2Q9XD4T", 3, "ABCDEFGHJKMNPQRSTVWX");
        assertThat(identifier.check(newCard.text())).isInstanceOf(Identification.Refused.class);

        book.accept(Cards.payload(Cards.roster(6, newCard)));

        assertThat(identifier.check(newCard.text())).isInstanceOf(Identification.Identified.class);
        assertThat(refusal(Cards.KIM.text())).isEqualTo(Refusal.REVOKED_CARD);
    }

    @Test
    void theSameCardWithinAFewSecondsIsOneScanAndLaterItCountsAgain() {
        book.accept(Cards.payload(Cards.roster(5, Cards.KIM, Cards.PARK)));
        long t0 = 1_000_000_000L;
        long second = 1_000_000_000L;

        identifier.scanned(Cards.KIM.text(), "camera", t0);
        identifier.scanned(Cards.KIM.text(), "camera", t0 + second);          // still held up
        identifier.scanned(Cards.PARK.text(), "scanner", t0 + 2 * second);    // someone else
        identifier.scanned(Cards.KIM.text(), "camera", t0 + 3 * second);      // seen 2 s ago: same scan
        identifier.scanned(Cards.KIM.text(), "camera", t0 + 7 * second);      // gone for 4 s: a new scan

        await().atMost(Duration.ofSeconds(5)).until(() -> told.size() >= 3);
        assertThat(told).extracting(r -> ((Identification.Identified) r).memberId())
                .containsExactly("M7K2Q9XD4T", "P4RK0000AA", "M7K2Q9XD4T");
    }

    @Test
    void aCardHeldToTheSimulatedCameraIsIdentified() {
        book.accept(Cards.payload(Cards.roster(5, Cards.KIM)));
        SimulatedCamera camera = new SimulatedCamera(640, 480, 30, 7);
        camera.show(Cards.KIM.text(), Degradation.HARD, 15);

        identifier.watch(camera);

        await().atMost(Duration.ofSeconds(10)).until(() -> !told.isEmpty());
        assertThat(told).singleElement().isInstanceOf(Identification.Identified.class);
    }

    @Test
    void aFrameTheDecoderFailsOnIsSkippedCountedAndTheCameraKeepsBeingWatched() {
        book.accept(Cards.payload(Cards.roster(5, Cards.KIM)));
        SplittableRandom random = new SplittableRandom(3);
        Deque<LumaFrame> frames = new ArrayDeque<>();
        for (int i = 0; i < 3; i++) {
            frames.add(CardImages.empty(640, 480, 4, random));
        }
        frames.add(CardImages.card(Cards.KIM.text(), Degradation.CLEAN, 640, 480, random));
        AtomicInteger decoders = new AtomicInteger();
        AtomicInteger framesSeen = new AtomicInteger();
        // the first three frames make the decoder fail as a bug in it would (outside its own catch)
        Identifier watching = new Identifier(book, (result, scan) -> told.add(result), Identifier.DEFAULT_REPEAT_WINDOW, () -> {
            decoders.incrementAndGet();
            QrDecoder real = new QrDecoder();
            return frame -> {
                if (framesSeen.incrementAndGet() <= 3) {
                    throw new ArrayIndexOutOfBoundsException("Index 4941 out of bounds for length 4941");
                }
                return real.decode(frame);
            };
        });
        try (watching) {
            watching.watch(new FrameSource() {
                @Override
                public LumaFrame next() {
                    return frames.poll();
                }

                @Override
                public String describe() {
                    return "scripted camera";
                }

                @Override
                public void close() {
                }
            });

            await().atMost(Duration.ofSeconds(20)).until(() -> !told.isEmpty());
            assertThat(told).singleElement().isInstanceOf(Identification.Identified.class);
            assertThat(watching.decodeFailures()).isEqualTo(3);
            assertThat(decoders).as("a fresh decoder after each failure").hasValue(4);
        }
    }

    @Test
    void aScannerTypingLinesIsReadToo() {
        book.accept(Cards.payload(Cards.roster(5, Cards.KIM)));

        identifier.watchScanner(new java.io.ByteArrayInputStream(("garbage-from-a-stuck-key\n" + Cards.KIM.text() + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(5)).until(() -> told.size() >= 2);
        assertThat(told.get(0)).isInstanceOf(Identification.Refused.class);
        assertThat(told.get(1)).isInstanceOf(Identification.Identified.class);
    }

    @Test
    void aListenerThatFailsDoesNotStopIdentification() {
        book.accept(Cards.payload(Cards.roster(5, Cards.KIM, Cards.PARK)));
        List<Identification> seen = new CopyOnWriteArrayList<>();
        try (Identifier failing = new Identifier(book, (result, scan) -> {
            seen.add(result);
            throw new IllegalStateException("screen broke");
        })) {
            failing.scanned(Cards.KIM.text(), "scanner");
            failing.scanned(Cards.PARK.text(), "scanner");
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        }
    }

    private Refusal refusal(String text) {
        Identification result = identifier.check(text);
        assertThat(result).isInstanceOf(Identification.Refused.class);
        return ((Identification.Refused) result).reason();
    }
}
