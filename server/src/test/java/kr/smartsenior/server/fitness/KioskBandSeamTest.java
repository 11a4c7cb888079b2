package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.BandCutoffs;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.ReceivedBatch;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.ResultBand;
import kr.smartsenior.protocol.contract.ContractExamples;
import org.junit.jupiter.api.Test;

/**
 * The seam between the server's grading and the kiosk's band: for every record the kiosk's real code
 * writes (the golden {@code kiosk-records}), for women and men at both ends of every age band from 55 to 100, the roster's
 * cut-offs ({@link KioskGrading#cutoffs}, applied by the kiosk's {@link MemberResults#band}) give the band
 * the server's {@link Grader} gives, and no band where the grader does not grade. Each record's value is
 * also swept across its whole range, so every cut-off is crossed with the bound on both sides of it
 * (inclusive 국민체력100 grades, the strict SFT 75th percentile, TUG's confidence limit, grip's "under").
 */
class KioskBandSeamTest {

    /** Both ends of every age band of every norm (SFT 60-94 in fives, 국민체력100 from 65, TUG 60-69/70-79/80-99), and beyond. */
    static final int[] AGES = {55, 59, 60, 64, 65, 67, 69, 70, 74, 75, 79, 80, 84, 85, 89, 90, 94, 95, 99, 100};

    private final ProtocolCodec codec = new ProtocolCodec();
    private final NormTables norms = new NormTables();
    private final Grader grader = new Grader(norms);
    private final KioskGrading grading = new KioskGrading(norms, grader, null, null, null);

    private List<MeasurementRecord> kioskRecords() {
        List<String> json = ContractExamples.names(KioskRecordGradingContractTest.KIND).stream()
                .map(name -> new String(ContractExamples.read(KioskRecordGradingContractTest.KIND, name),
                        StandardCharsets.UTF_8)).toList();
        Decoded<ReceivedBatch> decoded = codec.decodeBatch(codec.encodeBatch("seam", "kiosk-01", null, json),
                Instant.now());
        return ((Decoded.Ok<ReceivedBatch>) decoded).value().valid();
    }

    /** The band the server gives, in the kiosk's terms (empty: not graded). */
    private Optional<ResultBand> server(MeasurementCode code, BigDecimal value, String sex, int age,
            Map<String, Object> detail) {
        return Optional.ofNullable(KioskGrading.band(grader.grade(code, value.doubleValue(), sex, age, detail).band()));
    }

    @Test
    void everyGoldenKioskRecordGetsTheServersBandFromTheRostersCutOffsAtEveryAgeAndSex() {
        List<MeasurementRecord> records = kioskRecords();
        assertThat(records).hasSizeGreaterThanOrEqualTo(15);
        int compared = 0;
        int banded = 0;
        for (MeasurementRecord record : records) {
            MeasurementCode code = MeasurementCode.fromWire(record.code()).orElseThrow();
            LocalDate day = record.takenAt().toLocalDate();
            Object protocol = record.detail().get(RecordDetail.PROTOCOL);
            for (String sex : List.of("F", "M")) {
                for (int age : AGES) {
                    MemberResults roster = new MemberResults(day.getYear(), grading.cutoffs(sex, age), List.of());
                    for (BigDecimal value : sweep(code, record.value())) {
                        Optional<ResultBand> kiosk = roster.band(code, value, protocol, day);
                        assertThat(kiosk).as("%s %s (%s) for %s %d", code, value, protocol, sex, age)
                                .isEqualTo(server(code, value, sex, age, record.detail()));
                        compared++;
                        banded += kiosk.isPresent() ? 1 : 0;
                    }
                }
            }
        }
        assertThat(banded).as("bands actually compared").isGreaterThan(10_000);
        assertThat(compared).isGreaterThan(banded);
    }

    @Test
    void aResultOfAnotherProcedureGetsNoBandWhereTheServerDoesNotGradeIt() {
        MemberResults roster = new MemberResults(2026, grading.cutoffs("F", 77), List.of());
        LocalDate day = LocalDate.parse("2026-11-21");
        for (String protocol : List.of("chair-stand-30s/1", "chair-stand-30s/3", "one-leg-stance/2", "?")) {
            assertThat(roster.band(MeasurementCode.CHAIR_STAND_30S, BigDecimal.TEN, protocol, day)).as(protocol)
                    .isEqualTo(server(MeasurementCode.CHAIR_STAND_30S, BigDecimal.TEN, "F", 77,
                            Map.of(RecordDetail.PROTOCOL, protocol))).isEmpty();
        }
    }

    @Test
    void theCutOffsAreTheNormsOwnNumbersWithoutAgeOrSex() {
        // 국민체력100 women 75-79: grade 3 at 12, grade 1 at 18; the kiosk's "8" is below
        BandCutoffs chair = grading.cutoffs(MeasurementCode.CHAIR_STAND_30S, "F", 77).orElseThrow();
        assertThat(chair).isEqualTo(new BandCutoffs(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2", false,
                new BigDecimal("12"), new BigDecimal("18"), null));
        assertThat(chair.band(new BigDecimal("8"))).isEqualTo(ResultBand.BELOW);
        assertThat(grading.cutoffs("F", 59)).as("under 60 only grip has a norm")
                .extracting(BandCutoffs::code).containsExactly(MeasurementCode.GRIP_STRENGTH);
        assertThat(grading.cutoffs("X", 77)).isEmpty();
        assertThat(grading.cutoffs("M", 70)).extracting(BandCutoffs::code).containsExactlyElementsOf(KioskGrading.GRADED);
    }

    /**
     * The record's own value, and for a test with a norm its range in steps as fine as any cut-off's
     * precision (a test without one is not graded whatever the value).
     */
    private static List<BigDecimal> sweep(MeasurementCode code, BigDecimal own) {
        if (!KioskRecordGradingContractTest.WITH_NORM.contains(code)) {
            return List.of(own);
        }
        BigDecimal step = switch (code.unit()) {
            case COUNT -> BigDecimal.ONE;
            case SECONDS -> new BigDecimal("0.1");
            default -> new BigDecimal("0.5");
        };
        BigDecimal max = code == MeasurementCode.TIMED_UP_AND_GO ? new BigDecimal("30") : code.max().min(new BigDecimal("250"));
        List<BigDecimal> values = new java.util.ArrayList<>();
        values.add(own);
        for (BigDecimal v = code.min(); v.compareTo(max) <= 0; v = v.add(step)) {
            values.add(v);
        }
        return values;
    }
}
