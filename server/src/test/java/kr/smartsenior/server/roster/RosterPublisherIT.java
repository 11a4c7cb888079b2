package kr.smartsenior.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.card.CardIssuer;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The retained roster: sent at start-up for every site, with prescriptions when that feature is there. */
@Timeout(value = 240, unit = TimeUnit.SECONDS) // two server starts; on a loaded 2-core machine one takes over 40 s
class RosterPublisherIT {

    private static final ProtocolCodec CODEC = new ProtocolCodec();

    /**
     * One fixed summary for everybody. Deliberately not a {@code @Configuration}: component scanning
     * would put it into every server the test JVM starts; it is passed as a source instead.
     */
    static class FixedPrescriptions {
        @Bean
        @Primary // over the prescription feature's own summary
        KioskPrescriptions fixedKioskPrescriptions() {
            return memberId -> new KioskPrescription(1, null, List.of("밸런스 2단계"),
                    List.of(new KioskPrescription.Program(MeasurementCode.BALANCE, "밸런스", 2, 10, 3)), List.of());
        }
    }

    @Test
    void everySitesRosterIsPublishedAtStartUpAndCarriesPrescriptionsWhenThereAreAny() throws IOException {
        Path dataDir = Files.createTempDirectory("ssc-roster-");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", "");
        String memberId;
        long firstVersion;
        try {
            try (TestServer server = TestServer.start(settings, List.of(), FixedPrescriptions.class)) {
                server.api().createSite("ydp-01", "영등포 경로당");
                memberId = server.api().createMember("ydp-01", "김영희", 1948, "F");
                Roster roster = awaitRoster(server, "ydp-01", r -> r.members().size() == 1);
                assertThat(roster.members().getFirst().prescription().program(MeasurementCode.BALANCE))
                        .hasValueSatisfying(p -> assertThat(p.level()).isEqualTo(2));
                assertThat(roster.members().getFirst().tokenHash())
                        .isEqualTo(server.bean(CardIssuer.class).token(memberId, 1).hash());
                firstVersion = roster.version();
            }
            // the same database after a restart with the real prescription feature (no prescription yet for
            // this member): published again at start-up
            try (TestServer server = TestServer.start(settings, List.of())) {
                Roster roster = awaitRoster(server, "ydp-01", r -> r.version() > firstVersion);
                assertThat(roster.members()).singleElement().satisfies(entry -> {
                    assertThat(entry.memberId()).isEqualTo(memberId);
                    assertThat(entry.prescription()).isEqualTo(KioskPrescription.NONE);
                    assertThat(entry.cardVersion()).isEqualTo(1);
                });
            }
        } finally {
            TestDatabase.deleteTree(dataDir);
        }
    }

    private static Roster awaitRoster(TestServer server, String siteId, java.util.function.Predicate<Roster> wanted) {
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-01")) {
            kiosk.subscribe(Topics.siteWide(siteId, Channel.ROSTER));
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.received().stream().map(RosterPublisherIT::decode)
                    .anyMatch(wanted));
            return kiosk.received().stream().map(RosterPublisherIT::decode).filter(wanted).reduce((a, b) -> b).orElseThrow();
        }
    }

    private static Roster decode(byte[] payload) {
        return ((Decoded.Ok<Roster>) CODEC.decodeRoster(payload)).value();
    }
}
