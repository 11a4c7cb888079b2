package kr.smartsenior.edge.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.protocol.Roster;
import org.junit.jupiter.api.Test;

/** What the roster's prescription allows at the kiosk. */
class ExercisePlanTest {

    private static KioskPrescription.Program program(MeasurementCode code, int level, int minutes) {
        return new KioskPrescription.Program(code, null, level, minutes, 3);
    }

    private static KioskPrescription prescription(List<KioskPrescription.Program> programs,
            RestrictionCode... restrictions) {
        return new KioskPrescription(2, null, List.of("..."), programs,
                Arrays.stream(restrictions).map(r -> new KioskPrescription.Restriction(r, "…")).toList());
    }

    @Test
    void theProgramsListedAreOfferedAtTheirLevelsInOrder() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of(program(MeasurementCode.BALANCE, 2, 15),
                program(MeasurementCode.STEP_JUMP, 3, 20), program(MeasurementCode.INTERVAL, 1, 10))));
        assertThat(plan.offers()).containsExactly(new ExerciseOffer(Program.BALANCE, 2, 15, false),
                new ExerciseOffer(Program.STEP_JUMP, 3, 20, false), new ExerciseOffer(Program.INTERVAL, 1, 10, false));
    }

    @Test
    void nothingPrescribedOffersNothing() {
        assertThat(ExercisePlan.from(KioskPrescription.NONE).offers()).isEmpty();
        assertThat(ExercisePlan.from(null).offers()).isEmpty();
        assertThat(ExercisePlan.from(prescription(List.of())).offers()).isEmpty();
    }

    @Test
    void aProgramNotListedIsNotOffered() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of(program(MeasurementCode.BALANCE, 1, 10))));
        assertThat(plan.offer(Program.INTERVAL)).isEmpty();
        assertThat(plan.offer(Program.STEP_JUMP)).isEmpty();
    }

    @Test
    void intervalsAreNeverOfferedUnderARestrictionThatForbidsThem() {
        for (RestrictionCode code : RestrictionCode.values()) {
            ExercisePlan plan = ExercisePlan.from(prescription(List.of(program(MeasurementCode.INTERVAL, 2, 12),
                    program(MeasurementCode.BALANCE, 2, 10)), code));
            assertThat(plan.offer(Program.INTERVAL).isPresent()).as(code.wire())
                    .isEqualTo(!code.forbids(MeasurementCode.INTERVAL));
        }
    }

    @Test
    void severeBloodPressureOffersNothingAndTheCapsAreTheServersCaps() {
        assertThat(ExercisePlan.from(prescription(List.of(program(MeasurementCode.BALANCE, 1, 10)),
                RestrictionCode.BP_SEVERE)).offers()).isEmpty();
        ExercisePlan low = ExercisePlan.from(prescription(List.of(program(MeasurementCode.STEP_JUMP, 4, 25),
                program(MeasurementCode.BALANCE, 4, 15)), RestrictionCode.LOW_INTENSITY_ONLY));
        assertThat(low.offers()).extracting(ExerciseOffer::level).containsExactly(1, 2);
        // high blood pressure: the server caps step & jump at 1; a roster saying 3 is capped here too
        ExercisePlan high = ExercisePlan.from(prescription(List.of(program(MeasurementCode.STEP_JUMP, 3, 20)),
                RestrictionCode.BP_HIGH));
        assertThat(high.offers()).extracting(ExerciseOffer::level).containsExactly(1);
    }

    @Test
    void aFallRiskRestrictionMeansHoldingOnForEveryProgram() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of(program(MeasurementCode.STEP_JUMP, 1, 10),
                program(MeasurementCode.BALANCE, 1, 10)), RestrictionCode.FALL_SUPPORT));
        assertThat(plan.offers()).allMatch(ExerciseOffer::support).allMatch(ExerciseOffer::holdOn);
        assertThat(new ExerciseOffer(Program.BALANCE, 4, 10, false).holdOn()).isFalse();
        assertThat(new ExerciseOffer(Program.BALANCE, 3, 10, false).holdOn()).isTrue();
    }

    @Test
    void theBoneRestrictionCapsStepAndJumpBelowEveryLevelThatJumps() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of(program(MeasurementCode.STEP_JUMP, 5, 30),
                program(MeasurementCode.BALANCE, 4, 15)), RestrictionCode.NO_JUMPS));

        int cap = RestrictionCode.NO_JUMPS.levelCap(MeasurementCode.STEP_JUMP);
        assertThat(plan.offer(Program.STEP_JUMP).orElseThrow().level()).isEqualTo(cap);
        assertThat(plan.offer(Program.BALANCE).orElseThrow().level()).isEqualTo(4);
        assertThat(plan.offers()).noneMatch(ExerciseOffer::support);
        // the cap is the last level without jumps in the session's own level table
        for (int level = 1; level <= StepJumpSession.LEVELS.size(); level++) {
            assertThat(StepJumpSession.LEVELS.get(level - 1).jumpShare() > 0).as("level %d jumps", level)
                    .isEqualTo(level > cap);
        }
    }

    @Test
    void minutesOutsideTheRangeFallBackAndADuplicateProgramCountsOnce() {
        ExercisePlan plan = ExercisePlan.from(prescription(List.of(program(MeasurementCode.BALANCE, 2, 9999),
                program(MeasurementCode.BALANCE, 3, 10), program(MeasurementCode.STEP_JUMP, 1, 0))));
        assertThat(plan.offers()).containsExactly(new ExerciseOffer(Program.BALANCE, 2, ExercisePlan.DEFAULT_MINUTES, false),
                new ExerciseOffer(Program.STEP_JUMP, 1, ExercisePlan.DEFAULT_MINUTES, false));
    }

    @Test
    void aRosterFromANewerOrBrokenServerOffersOnlyWhatIsSafe() {
        String roster = """
                {"siteId":"s","version":1,"members":[{"memberId":"M1","displayName":"김","tokenHash":"h","cardVersion":1,
                 "prescription":{"programs":["STEP_JUMP",{"code":"YOGA","level":1},{"code":"STEP_JUMP","level":9},
                    {"code":"STEP_JUMP","level":"two"},{"code":"STEP_JUMP","level":2.5},{"code":"BALANCE","level":4},
                    {"code":"INTERVAL","level":1,"minutes":10}],
                   "restrictions":[{"code":"SAFE-SOMETHING-NEW","text":"새 제한"}]}}]}""";
        Decoded<Roster> decoded = new ProtocolCodec().decodeRoster(roster.getBytes(StandardCharsets.UTF_8));
        KioskPrescription prescription = ((Decoded.Ok<Roster>) decoded).value().members().getFirst().prescription();

        ExercisePlan plan = ExercisePlan.from(prescription);

        // balance at most 2 and held on to; no intervals; the unreadable step & jump entries left out
        assertThat(plan.offers()).containsExactly(new ExerciseOffer(Program.BALANCE, 2, ExercisePlan.DEFAULT_MINUTES, true));
        assertThat(plan.restrictions()).containsExactly(RestrictionCode.UNKNOWN);
    }
}
