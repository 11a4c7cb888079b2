package kr.smartsenior.edge.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the roster's prescription allows at the kiosk. */
class ExercisePlanTest {

    private static Map<String, Object> program(String code, Object level, Object minutes) {
        return Map.of("code", code, "name", "x", "level", level, "minutes", minutes, "perWeek", 3);
    }

    private static Map<String, Object> prescription(List<?> programs, List<?> restrictions) {
        return Map.of("version", 2, "issuedAt", "2026-11-21T01:00:05Z", "lines", List.of("..."), "programs", programs,
                "restrictions", restrictions);
    }

    private static Map<String, Object> restriction(String code) {
        return Map.of("code", code, "text", "…");
    }

    @Test
    void theProgramsListedAreOfferedAtTheirLevelsInOrder() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of(program("BALANCE", 2, 15), program("STEP_JUMP", 3, 20),
                program("INTERVAL", 1, 10)), List.of()));
        assertThat(plan.offers()).containsExactly(new ExerciseOffer(Program.BALANCE, 2, 15, false),
                new ExerciseOffer(Program.STEP_JUMP, 3, 20, false), new ExerciseOffer(Program.INTERVAL, 1, 10, false));
    }

    @Test
    void nothingPrescribedOffersNothing() {
        assertThat(ExercisePlan.from(Map.of()).offers()).isEmpty();
        assertThat(ExercisePlan.from(null).offers()).isEmpty();
        assertThat(ExercisePlan.from(prescription(List.of(), List.of())).offers()).isEmpty();
    }

    @Test
    void aProgramNotListedIsNotOffered() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of(program("BALANCE", 1, 10)), List.of()));
        assertThat(plan.offer(Program.INTERVAL)).isEmpty();
        assertThat(plan.offer(Program.STEP_JUMP)).isEmpty();
    }

    @Test
    void intervalsAreNeverOfferedUnderARestrictionThatForbidsThem() {
        for (String code : ExercisePlan.NO_INTERVAL) {
            ExercisePlan plan = ExercisePlan.from(prescription(List.of(program("INTERVAL", 2, 12), program("BALANCE", 2, 10)),
                    List.of(restriction(code))));
            assertThat(plan.offer(Program.INTERVAL)).as(code).isEmpty();
        }
    }

    @Test
    void severeBloodPressureOffersNothingAndLowIntensityCapsTheLevels() {
        assertThat(ExercisePlan.from(prescription(List.of(program("BALANCE", 1, 10)),
                List.of(restriction("SAFE-BP-SEVERE")))).offers()).isEmpty();
        ExercisePlan low = ExercisePlan.from(prescription(List.of(program("STEP_JUMP", 4, 25), program("BALANCE", 4, 15)),
                List.of(restriction("LOW_INTENSITY_ONLY"))));
        assertThat(low.offers()).extracting(ExerciseOffer::level).containsExactly(1, 2);
    }

    @Test
    void aFallRiskRestrictionMeansHoldingOnForEveryProgram() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of(program("STEP_JUMP", 1, 10), program("BALANCE", 1, 10)),
                List.of(restriction("SAFE-FALL-SUPPORT"))));
        assertThat(plan.offers()).allMatch(ExerciseOffer::support).allMatch(ExerciseOffer::holdOn);
        assertThat(new ExerciseOffer(Program.BALANCE, 4, 10, false).holdOn()).isFalse();
        assertThat(new ExerciseOffer(Program.BALANCE, 3, 10, false).holdOn()).isTrue();
    }

    @Test
    void malformedEntriesAreSkippedAndTheGoodOnesStillCount() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of("STEP_JUMP", program("YOGA", 1, 10),
                program("STEP_JUMP", 9, 10), program("STEP_JUMP", "two", 10), program("STEP_JUMP", 2.5, 10),
                program("BALANCE", 2, 9999), program("BALANCE", 3, 10)), List.of()));
        assertThat(plan.offers()).containsExactly(new ExerciseOffer(Program.BALANCE, 2, ExercisePlan.DEFAULT_MINUTES, false));

        ExercisePlan hostile = ExercisePlan.from(Map.of("programs", "DROP TABLE", "restrictions", 7));
        assertThat(hostile.offers()).isEmpty();
        ExercisePlan oddRestriction = ExercisePlan.from(Map.of("programs", List.of(program("INTERVAL", 1, 10)),
                "restrictions", List.of("no code")));
        assertThat(oddRestriction.offers()).isEmpty(); // an unreadable restriction is taken as the strictest
    }
}
