package kr.smartsenior.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop the whole system exists for: a kiosk measures a slow timed up-and-go, the server grades
 * it as a fall risk, writes a safer prescription, and the kiosk receives it in its roster, so it can
 * show it offline.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrescriptionToKioskIT {

    private static final Duration SYNC = Duration.ofSeconds(30);

    @Test
    void aSlowTimedUpAndGoReachesTheKioskAsAFallSafePrescription() throws Exception {
        Path dataDir = Files.createTempDirectory("ssc-kiosk-rx");
        try (TestServer server = TestServer.embedded()) {
            server.api().createSite("rx-01", "처방 경로당");
            String memberId = server.api().createMember("rx-01", "박말순", 1944, "F");
            assertThat(server.api().post("/api/members/" + memberId + "/screening", clearScreening()).status())
                    .isEqualTo(201);

            KioskSettings settings = KioskSettings.of("rx-01", "kiosk-01", server.mqttUri(), dataDir)
                    .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
            try (Kiosk kiosk = Kiosk.start(settings)) {
                await().atMost(SYNC).until(() -> entry(kiosk, memberId).isPresent());
                long before = version(entry(kiosk, memberId).orElseThrow());

                kiosk.record(MeasurementRecord.of(memberId, MeasurementCode.TIMED_UP_AND_GO, new BigDecimal("14.2"),
                        OffsetDateTime.now(ZoneOffset.ofHours(9)).minusMinutes(1), Map.of()));

                await().atMost(SYNC).until(() -> entry(kiosk, memberId).map(PrescriptionToKioskIT::version).orElse(0L) > before);
                KioskPrescription prescription = entry(kiosk, memberId).orElseThrow().prescription();
                assertThat(prescription.programs()).extracting(p -> p.code() + "@" + p.level())
                        .containsExactlyInAnyOrder("STEP_JUMP@1", "BALANCE@1");
                assertThat(prescription.restrictionCodes()).contains(RestrictionCode.FALL_HIGH);
                assertThat(prescription.toString()).as("no measurements travel to the kiosk").doesNotContain("14.2");
                assertThat(kiosk.outboxSize()).isZero();
            }
        } finally {
            TestDatabase.deleteTree(dataDir);
        }
    }

    private static Optional<RosterEntry> entry(Kiosk kiosk, String memberId) {
        return kiosk.roster().current().flatMap(roster -> roster.members().stream()
                .filter(member -> member.memberId().equals(memberId)).findFirst());
    }

    private static long version(RosterEntry entry) {
        return entry.prescription().version();
    }

    private static Map<String, Object> clearScreening() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScreeningQuestion question : ScreeningQuestion.values()) {
            answers.put(question.name(), false);
        }
        return Map.of("answers", answers, "systolic", 125, "diastolic", 80);
    }
}
