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

        assertThat(grade.band()).isEqualTo(expected);
        assertThat(grade.reference()).contains("Rikli & Jones 1999").contains(sex + " " + (age - (age % 5)));
        assertThat(grade.percentile()).isBetween(1, 99);
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
    void percentileAndDerivedGradeFollowTheQuartiles() {
        // women 70-74 chair stand 10-15: mean 12.5, SD 3.71; P70 = 14.44, P30 = 10.56
        assertThat(grade(12.5).percentile()).isEqualTo(50);
        assertThat(grade(12.5).grade()).isEqualTo(2);
        assertThat(grade(15).percentile()).isEqualTo(75);
        assertThat(grade(15).grade()).isEqualTo(1);
        assertThat(grade(14).grade()).isEqualTo(2);
        assertThat(grade(11).grade()).isEqualTo(3);
        assertThat(grade(10).grade()).isNull();
        assertThat(grade(10).percentile()).isEqualTo(25);
        assertThat(grade(12).note()).contains("derived");
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
        assertThat(oldest.note()).contains("90-94");
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
        Grade newer = grader.grade(MeasurementCode.CHAIR_STAND_30S, 14, "F", 72, Map.of("protocol", "chair-stand-30s/2"));
        assertThat(newer.band()).isEqualTo(Band.NOT_GRADED);
        assertThat(newer.note()).contains("chair-stand-30s/2").contains("knows version 1");
        Grade wrongTest = grader.grade(MeasurementCode.SIT_AND_REACH, 5, "F", 70,
                Map.of("protocol", MeasurementProtocol.CHAIR_STAND_30S.id()));
        assertThat(wrongTest.band()).isEqualTo(Band.NOT_GRADED);
    }

    private Grade grade(double stands) {
        return grader.grade(MeasurementCode.CHAIR_STAND_30S, stands, "F", 72, Map.of());
    }
}
