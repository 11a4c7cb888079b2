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
                "fall-risk-cutoffs.csv", "grip-cutoffs.csv", "bmi-korea.csv", "measurement-error.csv")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("norms/" + file)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).as(file).startsWith("#").containsPattern("(19|20)\\d\\d");
            }
        }
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
