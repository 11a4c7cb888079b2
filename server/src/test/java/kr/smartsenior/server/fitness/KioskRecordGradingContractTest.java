package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.ReceivedBatch;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.protocol.contract.ContractExamples;
import org.junit.jupiter.api.Test;

/**
 * The server's side of the record contract: every record the kiosk's real code writes (every sensor
 * test on its traces, every staff entry, every exercise program and check; the kiosk's contract test
 * keeps {@code protocol/src/test/resources/contract/kiosk-records} equal to what it writes) is
 * accepted by the ingest codec and graded by the real {@link Grader} and {@link Evaluator}. A code
 * that has a norm and comes back {@link Band#NOT_GRADED} fails here: that is how a kiosk's
 * sit-and-reach once went ungraded while both sides' own tests passed.
 */
class KioskRecordGradingContractTest {

    static final String KIND = "kiosk-records";
    /** The codes docs/fitness-norms.md gives a norm for. */
    static final Set<MeasurementCode> WITH_NORM = EnumSet.of(MeasurementCode.CHAIR_STAND_30S,
            MeasurementCode.STEP_IN_PLACE_2MIN, MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.GRIP_STRENGTH,
            MeasurementCode.SIT_AND_REACH);
    /** Women and men across the norms' age bands, at the age the record was taken (from the birth year). */
    static final List<Senior> SENIORS = List.of(new Senior("M0000000F1", "s", "여", 1956, "F"),
            new Senior("M0000000M1", "s", "남", 1944, "M"), new Senior("M0000000F2", "s", "여", 1931, "F"));

    private final ProtocolCodec codec = new ProtocolCodec();
    private final NormTables norms = new NormTables();
    private final Grader grader = new Grader(norms);
    private final Evaluator evaluator = Evaluations.evaluator(Evaluations.noFall(java.time.Instant.now()), java.util.Set.of());

    /** Every example as the ingest decodes it, in one batch as a kiosk would send them. */
    private List<MeasurementRecord> kioskRecords(Instant now) {
        List<String> json = ContractExamples.names(KIND).stream()
                .map(name -> new String(ContractExamples.read(KIND, name), StandardCharsets.UTF_8)).toList();
        Decoded<ReceivedBatch> decoded = codec.decodeBatch(codec.encodeBatch("contract", "kiosk-01", null, json), now);
        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        ReceivedBatch batch = ((Decoded.Ok<ReceivedBatch>) decoded).value();
        assertThat(batch.rejected()).as("the kiosk's own records, rejected by the server").isEmpty();
        assertThat(batch.valid()).hasSize(json.size());
        return batch.valid();
    }

    @Test
    void theExamplesCoverEveryCodeTheCatalogueHas() {
        List<MeasurementRecord> records = kioskRecords(Instant.now());
        Set<MeasurementCode> covered = EnumSet.noneOf(MeasurementCode.class);
        records.forEach(r -> MeasurementCode.fromWire(r.code()).ifPresent(covered::add));
        // every code but the figure-of-8 walk, no longer taken at the kiosk (kept in the catalogue for stored records)
        assertThat(covered).isEqualTo(EnumSet.complementOf(EnumSet.of(MeasurementCode.FIGURE_8_WALK)));
    }

    @Test
    void everyKioskRecordWhoseCodeHasANormIsGradedForEverySenior() {
        List<MeasurementRecord> records = kioskRecords(Instant.now());
        for (MeasurementRecord record : records) {
            MeasurementCode code = MeasurementCode.fromWire(record.code()).orElseThrow();
            for (Senior senior : SENIORS) {
                int age = record.takenAt().getYear() - senior.birthYear();
                Grade grade = grader.grade(code, record.value().doubleValue(), senior.sex(), age, record.detail());
                String what = code + " " + record.detail().get("protocol") + " for " + senior.sex() + " " + age;
                if (WITH_NORM.contains(code)) {
                    assertThat(grade.band()).as(what + ": " + grade.note()).isNotEqualTo(Band.NOT_GRADED);
                } else {
                    assertThat(grade.band()).as(what).isEqualTo(Band.NOT_GRADED);
                    assertThat(grade.note()).as(what).isNotBlank();
                }
            }
        }
    }

    @Test
    void theEvaluationOfASeniorWithEveryKioskRecordHasEveryComponentMeasured() {
        List<MeasurementRecord> records = kioskRecords(Instant.now());
        Instant now = records.stream().map(r -> r.takenAt().toInstant()).max(Instant::compareTo).orElseThrow()
                .plusSeconds(60);
        List<Result> results = new ArrayList<>();
        for (MeasurementRecord record : records) {
            results.add(new Result(record.code(), record.kind(), record.value(), record.takenAt(), record.detail()));
        }
        for (Senior senior : SENIORS) {
            Evaluation evaluation = evaluator.evaluate(senior, results, now);
            for (MeasurementCode code : WITH_NORM) {
                assertThat(evaluation.result(code.name())).as(code.name()).hasValueSatisfying(
                        r -> assertThat(r.grade().band()).as(code + ": " + r.grade().note()).isNotEqualTo(Band.NOT_GRADED));
            }
            for (FitnessComponent component : FitnessComponent.values()) {
                assertThat(evaluation.component(component).status()).as(component.name())
                        .isNotEqualTo(ComponentStatus.NO_DATA);
            }
        }
    }

    @Test
    void aRecordOfAProtocolVersionThisServerDoesNotKnowIsAcceptedButNotGradedAndSaysSo() {
        String newer = """
                {"id":"3f2c9a4e-6b1d-4c8e-9a77-2d5e8f1b0c39","memberId":"M7K2Q9XD4T","kind":"test",
                 "code":"CHAIR_STAND_30S","value":14,"unit":"count","takenAt":"2026-11-21T10:14:31+09:00",
                 "detail":{"protocol":"chair-stand-30s/7","source":"sensors","newField":[1,2]}}""";
        Decoded<ReceivedBatch> decoded = codec.decodeBatch(codec.encodeBatch("b", "kiosk-01", null, List.of(newer)),
                Instant.parse("2026-11-21T03:00:00Z"));
        MeasurementRecord record = ((Decoded.Ok<ReceivedBatch>) decoded).value().valid().getFirst();
        Grade grade = grader.grade(MeasurementCode.CHAIR_STAND_30S, 14, "F", 72, record.detail());
        assertThat(grade.band()).isEqualTo(Band.NOT_GRADED);
        assertThat(grade.note()).contains("chair-stand-30s/7").contains("보관만");
        assertThat(record.takenAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T10:14:31+09:00"));
    }
}
