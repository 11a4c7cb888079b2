package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grading at the edges of every age band for both sexes. The expected ranges are the published
 * Rikli & Jones (1999) numbers typed in again here, independently of the data file.
 */
class GraderTest {

    private static final int[][] BANDS = {{60, 64}, {65, 69}, {70, 74}, {75, 79}, {80, 84}, {85, 89}, {90, 94}};
    private static final Map<String, double[][]> PUBLISHED = Map.of(
            "CHAIR_STAND_30S/F", new double[][] {{12, 17}, {11, 16}, {10, 15}, {10, 15}, {9, 14}, {8, 13}, {4, 11}},
            "CHAIR_STAND_30S/M", new double[][] {{14, 19}, {12, 18}, {12, 17}, {11, 17}, {10, 15}, {8, 14}, {7, 12}},
            "STEP_IN_PLACE_2MIN/F", new double[][] {{75, 107}, {73, 107}, {68, 101}, {68, 100}, {60, 91}, {55, 85}, {44, 72}},
            "STEP_IN_PLACE_2MIN/M", new double[][] {{87, 115}, {86, 116}, {80, 110}, {73, 109}, {71, 103}, {59, 91}, {52, 86}},
            // chair sit-and-reach, published in inches
            "SIT_AND_REACH/F", new double[][] {{-0.5, 5}, {-0.5, 4.5}, {-1, 4}, {-1.5, 3.5}, {-2, 3}, {-2.5, 2.5}, {-4.5, 1}},
            "SIT_AND_REACH/M", new double[][] {{-2.5, 4}, {-3, 3}, {-3, 3}, {-4, 2}, {-5.5, 1.5}, {-5.5, 0.5}, {-6.5, -0.5}});

    private final Grader grader = new Grader(new NormTables());

    static Stream<Arguments> bandEdges() {
        List<Arguments> cases = new ArrayList<>();
        PUBLISHED.forEach((key, ranges) -> {
            String test = key.split("/")[0];
            String sex = key.split("/")[1];
            boolean inches = test.equals("SIT_AND_REACH");
            double step = inches ? 0.2 : 1;
            for (int i = 0; i < BANDS.length; i++) {
                double low = inches ? cm(ranges[i][0]) : ranges[i][0];
                double high = inches ? cm(ranges[i][1]) : ranges[i][1];
                for (int age : BANDS[i]) {
                    cases.add(Arguments.of(test, sex, age, low - step, Band.BELOW));
                    cases.add(Arguments.of(test, sex, age, low, Band.WITHIN));
                    cases.add(Arguments.of(test, sex, age, high, Band.WITHIN));
                    cases.add(Arguments.of(test, sex, age, high + step, Band.ABOVE));
                }
            }
        });
        return cases.stream();
    }

    /** Inches to cm, one decimal, half away from zero (as in the data file). */
    private static double cm(double inches) {
        return new java.math.BigDecimal(inches).multiply(new java.math.BigDecimal("2.54"))
                .setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    @ParameterizedTest(name = "{0} {1} age {2}: {3} is {4}")
    @MethodSource("bandEdges")
    void gradesAtTheEdgesOfEveryBandForBothSexes(String test, String sex, int age, double value, Band expected) {
        Grade grade = grader.grade(MeasurementCode.valueOf(test), value, sex, age, Map.of());
        // from 65 the chair stand and the 2-minute step are graded against 국민체력100, the US range second
        Grade us = grade.secondary() != null ? grade.secondary() : grade;

        assertThat(us.band()).isEqualTo(expected);
        assertThat(us.reference()).contains("Rikli & Jones 1999")
                .contains(("F".equals(sex) ? "여성 " : "남성 ") + (age - (age % 5)) + "-");
        assertThat(us.population()).isEqualTo("미국 노인 1999 (Rikli & Jones) 기준");
        assertThat(us.percentile()).isBetween(1, 99);
        boolean korean = age >= 65 && !test.equals("SIT_AND_REACH");
        assertThat(grade.population()).isEqualTo(korean ? Grader.POPULATION_KOREA : Grader.POPULATION_US_1999);
    }

    @ParameterizedTest(name = "3 m TUG age {0}: {1} s is {2}")
    @CsvSource({"60,9.0,WITHIN", "60,9.1,BELOW", "69,9.1,BELOW", "70,9.1,WITHIN", "70,10.2,WITHIN", "79,10.3,BELOW",
            "80,12.7,WITHIN", "80,12.8,BELOW", "99,12.8,BELOW", "101,12.7,WITHIN"})
    void theThreeMetreTugIsComparedWithBohannonNotWithTheEightFootNorms(int age, double seconds, Band expected) {
        Grade grade = grader.grade(MeasurementCode.TIMED_UP_AND_GO, seconds, "F", age, Map.of());

        assertThat(grade.band()).isEqualTo(expected);
        assertThat(grade.reference()).contains("Bohannon 2006");
        assertThat(grade.percentile()).isNull();
    }

    @ParameterizedTest(name = "grip {0} {1} kg is {2}")
    @CsvSource({"M,27.9,BELOW", "M,28,WITHIN", "F,17.9,BELOW", "F,18,WITHIN"})
    void gripIsLowUnderTheAwgsCutOffs(String sex, double kg, Band expected) {
        assertThat(grader.grade(MeasurementCode.GRIP_STRENGTH, kg, sex, 75, Map.of()).band()).isEqualTo(expected);
    }

    @Test
    void percentileAndDerivedGradeFollowTheQuartilesWhereOnlyTheUsNormApplies() {
        // women 60-64 chair stand 12-17 (no 국민체력100 senior norm before 65): mean 14.5, SD 3.71;
        // P70 = 16.44, P30 = 12.56
        assertThat(grade(14.5).percentile()).isEqualTo(50);
        assertThat(grade(14.5).grade()).isEqualTo(2);
        assertThat(grade(17).percentile()).isEqualTo(75);
        assertThat(grade(17).grade()).isEqualTo(1);
        assertThat(grade(16).grade()).isEqualTo(2);
        assertThat(grade(13).grade()).isEqualTo(3);
        assertThat(grade(12).grade()).isNull();
        assertThat(grade(12).percentile()).isEqualTo(25);
        assertThat(grade(14).note()).contains("추정").contains("공식 등급이 아닙니다").contains("65세부터");
        assertThat(grade(14).secondary()).isNull();
    }

    @ParameterizedTest(name = "국민체력100 {0} {1} age {2}: {3} is grade {4} ({5})")
    @CsvSource({
            // women 75-79 chair stand: grade 1 >= 18, 2 >= 15, 3 >= 12 (inclusive)
            "CHAIR_STAND_30S, F, 75, 18, 1, ABOVE", "CHAIR_STAND_30S, F, 79, 17, 2, WITHIN",
            "CHAIR_STAND_30S, F, 75, 15, 2, WITHIN", "CHAIR_STAND_30S, F, 75, 14, 3, WITHIN",
            "CHAIR_STAND_30S, F, 75, 12, 3, WITHIN", "CHAIR_STAND_30S, F, 75, 11, , BELOW",
            // men 65-69 2-minute step: 122 / 109 / 97
            "STEP_IN_PLACE_2MIN, M, 65, 122, 1, ABOVE", "STEP_IN_PLACE_2MIN, M, 69, 121, 2, WITHIN",
            "STEP_IN_PLACE_2MIN, M, 65, 109, 2, WITHIN", "STEP_IN_PLACE_2MIN, M, 65, 108, 3, WITHIN",
            "STEP_IN_PLACE_2MIN, M, 65, 97, 3, WITHIN", "STEP_IN_PLACE_2MIN, M, 65, 96, , BELOW",
            // 85 and over is one open band: men chair stand 16 / 13 / 10
            "CHAIR_STAND_30S, M, 85, 16, 1, ABOVE", "CHAIR_STAND_30S, M, 97, 10, 3, WITHIN",
            "CHAIR_STAND_30S, M, 101, 9, , BELOW"})
    void fromSixtyFiveTheChairStandAndStepAreGradedAgainstTheKoreanCertificationCutOffs(String test, String sex,
            int age, double value, Integer expectedGrade, Band expectedBand) {
        Grade grade = grader.grade(MeasurementCode.valueOf(test), value, sex, age, Map.of());

        assertThat(grade.grade()).isEqualTo(expectedGrade);
        assertThat(grade.band()).isEqualTo(expectedBand);
        assertThat(grade.percentile()).as("the official table gives grades, not percentiles").isNull();
        assertThat(grade.population()).isEqualTo("한국 어르신 (국민체력100 인증기준)");
        assertThat(grade.reference()).contains("국민체력100").contains("제2025-0027호");
        assertThat(grade.note()).contains(expectedGrade == null ? "하위 30%" : "공식 " + expectedGrade + "등급");
        assertThat(grade.secondary()).as("the US norm stays as the second reference").isNotNull();
        assertThat(grade.secondary().population()).isEqualTo("미국 노인 1999 (Rikli & Jones) 기준");
        assertThat(grade.secondary().grade()).as("one grade only: the official one").isNull();
    }

    @Test
    void theChairSitAndReachStaysOnTheUsNormBecauseTheKoreanItemIsTheFloorTest() {
        Grade grade = grader.grade(MeasurementCode.SIT_AND_REACH, 5, "F", 75, Map.of());

        assertThat(grade.population()).isEqualTo("미국 노인 1999 (Rikli & Jones) 기준");
        assertThat(grade.secondary()).isNull();
    }

    @ParameterizedTest(name = "상대악력 {0} age {1}: {2} % is grade {3}")
    @CsvSource({"F, 75, 36.2, 1", "F, 75, 36.1, 2", "F, 75, 31.8, 2", "F, 75, 27.4, 3", "F, 75, 27.3, ",
            "M, 67, 55.3, 1", "M, 67, 44.9, 3", "M, 67, 44.8, "})
    void relativeGripIsGradedAgainstTheKoreanCutOffs(String sex, int age, double percent, Integer expected) {
        Grade grade = grader.relativeGrip(percent, sex, age);

        assertThat(grade.grade()).isEqualTo(expected);
        assertThat(grade.band()).isEqualTo(expected == null ? Band.BELOW : expected == 1 ? Band.ABOVE : Band.WITHIN);
        assertThat(grade.reference()).contains("국민체력100").contains("F".equals(sex) ? "1등급 36.2% 이상" : "1등급 55.3% 이상");
    }

    @Test
    void relativeGripBeforeSixtyFiveHasNoKoreanSeniorNorm() {
        Grade grade = grader.relativeGrip(40, "F", 64);

        assertThat(grade.band()).isEqualTo(Band.NOT_GRADED);
        assertThat(grade.note()).contains("65세부터");
    }

    @Test
    void timesAreBetterWhenLowerSoTheUpAndGoEightFootRangeFlips() {
        NormalRange range = new NormTables().sft("UP_AND_GO_8FT", "F", 72).orElseThrow();
        assertThat(range.band(7.2)).isEqualTo(Band.BELOW);
        assertThat(range.band(4.8)).isEqualTo(Band.ABOVE);
        assertThat(range.percentile(4.9)).isEqualTo(75);
    }

    @Test
    void whatCannotBeGradedSaysWhy() {
        assertThat(grader.grade(MeasurementCode.CHAIR_STAND_30S, 15, "F", 58, Map.of()).band())
                .isEqualTo(Band.NOT_GRADED);
        Grade floor = grader.grade(MeasurementCode.SIT_AND_REACH, 5, "F", 70, Map.of("protocol", "floor"));
        assertThat(floor.band()).isEqualTo(Band.NOT_GRADED);
        assertThat(floor.note()).contains("'floor'");
        assertThat(grader.grade(MeasurementCode.FIGURE_8_WALK, 25, "M", 70, Map.of()).band()).isEqualTo(Band.NOT_GRADED);
        Grade oldest = grader.grade(MeasurementCode.CHAIR_STAND_30S, 3, "F", 97, Map.of());
        assertThat(oldest.band()).isEqualTo(Band.BELOW);
        assertThat(oldest.secondary().band()).isEqualTo(Band.BELOW);
        assertThat(oldest.secondary().note()).contains("90-94세");
    }

    @ParameterizedTest(name = "{0} reads as superseded: stored, not graded, with a Korean reason")
    @CsvSource({"CHAIR_STAND_30S, chair-stand-30s/1, chair-stand-30s/2, 등받이",
            "STEP_IN_PLACE_2MIN, step-in-place-2min/1, step-in-place-2min/2, 모든 걸음",
            "TIMED_UP_AND_GO, timed-up-and-go/1, timed-up-and-go/2, 0.7-1.5초 짧게",
            "ONE_LEG_STANCE, one-leg-stance/1, one-leg-stance/2, 패드 옆"})
    void aResultOfASupersededProcedureIsNotGradedAndStaffAreToldWhyInKorean(MeasurementCode code, String id,
            String today, String why) {
        Grade grade = grader.grade(code, 10, "F", 75, Map.of("protocol", id));

        assertThat(grade.band()).isEqualTo(Band.NOT_GRADED);
        assertThat(grade.note()).contains("예전 측정 방식(" + id + ")").contains(why).contains(today)
                .contains("보관만").doesNotContain("taken by");
    }

    @Test
    void theSupportedOneLegStanceIsRecordedForTheSeniorsOwnTrendOnly() {
        Grade grade = grader.grade(MeasurementCode.ONE_LEG_STANCE, 12, "F", 75,
                Map.of("protocol", MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED.id()));

        assertThat(grade.band()).isEqualTo(Band.NOT_GRADED);
        assertThat(grade.note()).contains("의자를 잡고");
    }

    @Test
    void everyTextStaffReadIsKorean() {
        List<Grade> grades = new ArrayList<>();
        for (MeasurementCode code : MeasurementCode.values()) {
            grades.add(grader.grade(code, 10, "F", 75, Map.of()));
            grades.add(grader.grade(code, 10, "M", 62, Map.of()));
            grades.add(grader.grade(code, 10, "F", 58, Map.of()));
            grades.add(grader.grade(code, 10, "F", 75, Map.of("protocol", "x/9")));
        }
        grades.add(grader.relativeGrip(30, "F", 75));
        for (Grade grade : grades) {
            for (Grade g = grade; g != null; g = g.secondary()) {
                for (String text : new String[] {g.note(), g.population()}) {
                    if (text != null) {
                        assertThat(text).as(g.toString()).containsPattern("[가-힣]");
                    }
                }
                if (g.reference() != null) {
                    assertThat(g.reference()).as(g.toString()).containsPattern("[가-힣]");
                }
            }
        }
    }

    @Test
    void theSitAndReachIsGradedWhenTakenByTheChairProtocolUnderAnyOfItsIds() {
        for (String id : new String[] {MeasurementProtocol.CHAIR_SIT_AND_REACH.id(), "sit-and-reach/1", "chair"}) {
            Grade graded = grader.grade(MeasurementCode.SIT_AND_REACH, 5, "F", 70, Map.of("protocol", id));
            assertThat(graded.band()).as(id).isNotEqualTo(Band.NOT_GRADED);
        }
        assertThat(grader.grade(MeasurementCode.SIT_AND_REACH, 5, "F", 70, Map.of()).band()).isNotEqualTo(Band.NOT_GRADED);
    }

    @Test
    void aProtocolVersionThisServerDoesNotKnowIsNotGradedAndSaysSo() {
        Grade newer = grader.grade(MeasurementCode.CHAIR_STAND_30S, 14, "F", 72, Map.of("protocol", "chair-stand-30s/3"));
        assertThat(newer.band()).isEqualTo(Band.NOT_GRADED);
        assertThat(newer.note()).contains("chair-stand-30s/3").contains("2판");
        Grade current = grader.grade(MeasurementCode.CHAIR_STAND_30S, 14, "F", 72,
                Map.of("protocol", MeasurementProtocol.CHAIR_STAND_30S.id()));
        assertThat(current.band()).isNotEqualTo(Band.NOT_GRADED);
        Grade wrongTest = grader.grade(MeasurementCode.SIT_AND_REACH, 5, "F", 70,
                Map.of("protocol", MeasurementProtocol.CHAIR_STAND_30S.id()));
        assertThat(wrongTest.band()).isEqualTo(Band.NOT_GRADED);
    }

    private Grade grade(double stands) {
        return grader.grade(MeasurementCode.CHAIR_STAND_30S, stands, "F", 62, Map.of());
    }
}
