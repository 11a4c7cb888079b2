package kr.smartsenior.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.edge.identify.Identification;
import kr.smartsenior.edge.identify.Identifier;
import kr.smartsenior.edge.identify.Refusal;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.ServerApi.Download;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import kr.smartsenior.server.card.PrintedCard;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A card from issue to greeting: the server prints it, the kiosk gets the roster over MQTT and
 * identifies the printed QR; a reissue revokes the old card on the kiosk; after a restart without a
 * broker the kiosk still identifies from its cached roster.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CardIdentificationIT {

    private static final Duration SYNC = Duration.ofSeconds(15);

    @Test
    void aPrintedCardIsIdentifiedAndAReissueRevokesItEvenOffline() throws Exception {
        Path dataDir = Files.createTempDirectory("ssc-kiosk-cards");
        try (TestServer server = TestServer.embedded()) {
            server.api().createSite("card-01", "카드 경로당");
            String memberId = server.api().createMember("card-01", "김영희", 1948, "F");
            String firstCard = printedToken(server.api().download("/api/members/" + memberId + "/card.pdf"));
            KioskSettings settings = KioskSettings.of("card-01", "kiosk-01", server.mqttUri(), dataDir)
                    .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
            String secondCard;
            try (Kiosk kiosk = Kiosk.start(settings);
                    Identifier identifier = new Identifier(kiosk.roster(), (result, scan) -> { })) {
                await().atMost(SYNC).until(() -> kiosk.roster().current().map(r -> r.members().size()).orElse(0) == 1);
                assertThat(identifier.check(firstCard)).isInstanceOfSatisfying(Identification.Identified.class,
                        who -> assertThat(who.displayName()).isEqualTo("김영희"));

                long before = kiosk.roster().current().map(Roster::version).orElseThrow();
                assertThat(server.api().post("/api/members/" + memberId + "/card/reissue", "").status()).isEqualTo(200);
                secondCard = printedToken(server.api().download("/api/members/" + memberId + "/card.pdf"));
                await().atMost(SYNC).until(() -> kiosk.roster().current().map(Roster::version).orElse(0L) > before);

                assertThat(refusal(identifier.check(firstCard))).isEqualTo(Refusal.REVOKED_CARD);
                assertThat(identifier.check(secondCard)).isInstanceOf(Identification.Identified.class);
            }
            KioskSettings offline = new KioskSettings(settings.siteId(), settings.deviceId(), "tcp://127.0.0.1:9", dataDir,
                    settings.batchSize(), settings.initialBackoff(), settings.maxBackoff(), settings.statusInterval(),
                    settings.simulateMembers(), settings.simulateEvery());
            try (Kiosk kiosk = Kiosk.start(offline);
                    Identifier identifier = new Identifier(kiosk.roster(), (result, scan) -> { })) {
                assertThat(identifier.check(secondCard)).isInstanceOf(Identification.Identified.class);
                assertThat(refusal(identifier.check(firstCard))).isEqualTo(Refusal.REVOKED_CARD);
            }
        } finally {
            TestDatabase.deleteTree(dataDir);
        }
    }

    private static Refusal refusal(Identification result) {
        assertThat(result).isInstanceOf(Identification.Refused.class);
        return ((Identification.Refused) result).reason();
    }

    /** Renders the card PDF like a scan and reads its QR code. */
    private static String printedToken(Download pdf) throws Exception {
        if (pdf.status() == 503 && !RequiredServices.servicesRequired()) {
            Assumptions.abort("no Korean font on this machine");
        }
        assertThat(pdf.status()).isEqualTo(200);
        return PrintedCard.firstQrText(pdf.body());
    }
}
