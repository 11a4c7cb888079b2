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

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // one server start, slow on a loaded machine
    void eachMembersGradeCutOffsAndLatestResultsTravelInTheRosterWithoutAgeOrSex() throws IOException {
        Path dataDir = Files.createTempDirectory("ssc-roster-");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", "");
        try (TestServer server = TestServer.start(settings, List.of())) {
            server.api().createSite("ydp-07", "영등포 경로당");
            int year = java.time.LocalDate.now(KioskResults.KIOSK_ZONE).getYear();
            // a woman of 77 this year: 국민체력100 women 75-79, chair stand grade 3 at 12, grade 1 at 18
            String memberId = server.api().createMember("ydp-07", "김영희", year - 77, "F");
            java.time.OffsetDateTime day = java.time.OffsetDateTime.now(KioskResults.KIOSK_ZONE).minusDays(30);
            for (int i = 0; i < 7; i++) {
                server.jdbc().sql("""
                        INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                            taken_at, taken_at_ms, detail, received_at_ms)
                        VALUES (?, ?, 'ydp-07', 'kiosk-01', 'b1', 'test', 'CHAIR_STAND_30S', ?, 'count', ?, ?, ?, 0)""")
                        .params(java.util.UUID.randomUUID().toString(), memberId, i < 6 ? 8 + i : 17,
                                day.plusDays(i).toString(), day.plusDays(i).toInstant().toEpochMilli(),
                                "{\"protocol\":\"chair-stand-30s/2\"}")
                        .update();
            }
            // another member registered: the site's roster is built again, now with the stored results
            server.api().createMember("ydp-07", "박철수", year - 66, "M");
            Roster roster = awaitRoster(server, "ydp-07", r -> r.members().size() == 2);
            kr.smartsenior.protocol.MemberResults results = roster.members().stream()
                    .filter(e -> e.memberId().equals(memberId)).findFirst().orElseThrow().results();
            assertThat(results.year()).isEqualTo(year);
            assertThat(results.bands()).contains(new kr.smartsenior.protocol.BandCutoffs(MeasurementCode.CHAIR_STAND_30S,
                    "chair-stand-30s/2", false, new java.math.BigDecimal("12"), new java.math.BigDecimal("18"), null));
            kr.smartsenior.protocol.RecentResults chair = results.recent(MeasurementCode.CHAIR_STAND_30S).orElseThrow();
            assertThat(chair.results()).extracting(r -> r.value().intValue()).containsExactly(10, 11, 12, 13, 17);
            assertThat(chair.results()).extracting(kr.smartsenior.protocol.RecentResults.Result::band).containsExactly(
                    kr.smartsenior.protocol.ResultBand.BELOW, kr.smartsenior.protocol.ResultBand.BELOW,
                    kr.smartsenior.protocol.ResultBand.WITHIN, kr.smartsenior.protocol.ResultBand.WITHIN,
                    kr.smartsenior.protocol.ResultBand.WITHIN);
            assertThat(chair.trend()).as("17 against the median 12 of 11-13: beyond 2.5 stands")
                    .isEqualTo(kr.smartsenior.protocol.RecentResults.Trend.IMPROVED);
            String json = new String(CODEC.encode(roster), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).doesNotContain(Integer.toString(year - 77)).doesNotContain("\"sex\"")
                    .doesNotContain("birth");
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
