package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormTablesTest {

    private final NormTables norms = new NormTables();

    @Test
    void everySftTestHasEveryAgeBandForBothSexes() {
        for (String test : NormTables.SFT_TESTS) {
            for (String sex : NormTables.SEXES) {
                List<NormalRange> ranges = norms.sftRanges(test, sex);
                assertThat(ranges).hasSize(7);
                assertThat(ranges.getFirst().ageFrom()).isEqualTo(60);
                assertThat(ranges.getLast().ageTo()).isEqualTo(94);
                ranges.forEach(r -> assertThat(r.low()).as(r.describe()).isLessThan(r.high()));
            }
        }
    }

    @Test
    void steadiBelowAverageThresholdsAgreeWithTheSftLowerBoundsRowByRow() {
        for (String sex : NormTables.SEXES) {
            for (NormalRange range : norms.sftRanges("CHAIR_STAND_30S", sex)) {
                assertThat(norms.steadiChairStand(sex, range.ageFrom())).as(range.describe())
                        .contains((int) range.low());
            }
        }
        // the two values the issue quotes from STEADI
        assertThat(norms.steadiChairStand("M", 67)).contains(12);
        assertThat(norms.steadiChairStand("F", 67)).contains(11);
    }

    @Test
    void sitAndReachIsStoredInCentimetresConvertedFromThePublishedInches() {
        CsvTable table = CsvTable.load("norms/sft-normal-ranges.csv");
        table.rows().stream().filter(r -> r.text("test").equals("SIT_AND_REACH")).forEach(r -> {
            assertThat(r.number("low")).isCloseTo(r.number("low_in") * 2.54, org.assertj.core.api.Assertions.within(0.0501));
            assertThat(r.number("high")).isCloseTo(r.number("high_in") * 2.54, org.assertj.core.api.Assertions.within(0.0501));
        });
    }

    @Test
    void everyMeasurementErrorIsSourcedOrSaysItIsProvisional() {
        CsvTable table = CsvTable.load("norms/measurement-error.csv");
        table.rows().forEach(r -> {
            assertThat(r.text("status")).isIn("sourced", "provisional");
            assertThat(r.text("source")).isNotBlank();
        });
        assertThat(norms.error(kr.smartsenior.protocol.MeasurementCode.CHAIR_STAND_30S)).get()
                .satisfies(e -> assertThat(e.provisional()).isFalse());
        assertThat(norms.error(kr.smartsenior.protocol.MeasurementCode.STEP_IN_PLACE_2MIN)).get()
                .satisfies(e -> assertThat(e.provisional()).isTrue());
    }

    @Test
    void everyDataFileCitesItsSourcesInItsHeader() throws Exception {
        for (String file : List.of("sft-normal-ranges.csv", "steadi-chair-stand.csv", "tug-3m-reference.csv",
                "fall-risk-cutoffs.csv", "grip-cutoffs.csv", "bmi-korea.csv", "measurement-error.csv",
                "kfit100-senior-grades.csv")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("norms/" + file)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).as(file).startsWith("#").containsPattern("(19|20)\\d\\d");
            }
        }
    }

    @Test
    void theKoreanCertificationTableHasEveryItemBandAndSexWithGradesInOrder() {
        for (String test : NormTables.KFIT100_TESTS) {
            for (String sex : NormTables.SEXES) {
                List<CertificationGrades> bands = norms.kfit100Bands(test, sex);
                assertThat(bands).extracting(CertificationGrades::ageFrom).containsExactly(65, 70, 75, 80, 85);
                assertThat(bands.getLast().ageTo()).isEqualTo(NormTables.OPEN_ENDED_AGE);
                bands.forEach(b -> {
                    assertThat(b.grade(b.grade1())).isEqualTo(1);
                    assertThat(b.grade(b.grade2())).isEqualTo(2);
                    assertThat(b.grade(b.grade3())).isEqualTo(3);
                });
            }
        }
        assertThat(norms.kfit100("CHAIR_STAND_30S", "F", 64)).isEmpty();
        assertThat(norms.kfit100("CHAIR_STAND_30S", "F", 103)).isPresent();
    }

    @Test
    void theKoreanRowCheckedAgainstTwoCopiesOfTheOfficialPageIsAsPublished() {
        // men 65-69 grade 1 as both copies of the 국민체력100 page give it (docs/fitness-norms.md section 1):
        // 2분 제자리 걷기 122, 6분 걷기 677, 상대악력 55.3, 의자에 앉았다 일어서기 25, 앉아 윗몸 앞으로 굽히기 11.4,
        // 3m 표적 돌아오기 5.3, 8자 보행 21.0
        String[] items = {"STEP_IN_PLACE_2MIN", "WALK_6MIN", "RELATIVE_GRIP", "CHAIR_STAND_30S", "SIT_AND_REACH_FLOOR",
                "UP_AND_GO_3M_FAST", "FIGURE_8_WALK"};
        double[] published = {122, 677, 55.3, 25, 11.4, 5.3, 21.0};
        for (int i = 0; i < items.length; i++) {
            assertThat(norms.kfit100(items[i], "M", 67).orElseThrow().grade1()).as(items[i]).isEqualTo(published[i]);
        }
        assertThat(norms.kfit100("UP_AND_GO_3M_FAST", "M", 67).orElseThrow().lowerIsBetter()).isTrue();
        // women 75-79, the items the server grades: chair stand 18/15/12, step 103/87/71, 상대악력 36.2/31.8/27.4
        assertThat(norms.kfit100("CHAIR_STAND_30S", "F", 77).orElseThrow())
                .satisfies(g -> assertThat(new double[] {g.grade1(), g.grade2(), g.grade3()}).containsExactly(18, 15, 12));
        assertThat(norms.kfit100("STEP_IN_PLACE_2MIN", "F", 77).orElseThrow())
                .satisfies(g -> assertThat(new double[] {g.grade1(), g.grade2(), g.grade3()}).containsExactly(103, 87, 71));
        assertThat(norms.kfit100("RELATIVE_GRIP", "F", 77).orElseThrow())
                .satisfies(g -> assertThat(new double[] {g.grade1(), g.grade2(), g.grade3()})
                        .containsExactly(36.2, 31.8, 27.4));
    }

    @Test
    void aBadFileIsRejectedWithItsNameAndLine() {
        assertThatThrownBy(() -> CsvTable.parse("x.csv", "# source\na,b\n1,2,3\n"))
                .hasMessageContaining("x.csv line 3").hasMessageContaining("3 fields");
        assertThatThrownBy(() -> CsvTable.parse("y.csv", "# only a header\n"))
                .hasMessageContaining("y.csv").hasMessageContaining("no data rows");
        assertThatThrownBy(() -> CsvTable.parse("z.csv", "a,b\n\"1\",2\n")).hasMessageContaining("quoted");
    }
}
