package kr.smartsenior.server.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.server.fitness.Evaluations;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.screening.Screening;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.screening.ScreeningStatus;
import org.junit.jupiter.api.Test;

class PrescriptionRulesTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-21T01:00:00Z");
    /** 75 in 2026: chair stand normal 10-15, 2-min step 68-100, TUG (3 m) worse than average over 10.2 s. */
    static final Senior WOMAN = new Senior("M7K2Q9XD4T", "ydp-01", "김순자", 1951, "F");

    // --- inputs ----------------------------------------------------------------------------------

    static Result test(String code, String value, int daysAgo) {
        return new Result(code, "test", new BigDecimal(value), NOW.minusDays(daysAgo), Map.of());
    }

    static Result session(String code, int level, int daysAgo, Map<String, Object> extra) {
        Map<String, Object> detail = new java.util.HashMap<>(extra);
        detail.put("level", level);
        return new Result(code, "exercise", new BigDecimal("600"), NOW.minusDays(daysAgo), detail);
    }

    /** A fit woman: everything within or above normal, no fall-risk flag. */
    static List<Result> fit() {
        return new ArrayList<>(List.of(test("CHAIR_STAND_30S", "14", 20), test("STEP_IN_PLACE_2MIN", "95", 20),
                test("TIMED_UP_AND_GO", "8", 20), test("ONE_LEG_STANCE", "20", 20), test("SIT_AND_REACH", "5", 20)));
    }

    static ScreeningStatus screened(boolean yes, boolean cleared, Integer systolic, Integer diastolic, int daysAgo) {
        Map<ScreeningQuestion, Boolean> answers = new EnumMap<>(ScreeningQuestion.class);
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q, yes && q == ScreeningQuestion.BONE_JOINT);
        }
        Screening screening = new Screening("s1", WOMAN.id(), NOW.minusDays(daysAgo), "staff", answers, systolic,
                diastolic, cleared ? "staff" : null, null);
        return ScreeningStatus.of(Optional.of(screening), NOW.toInstant());
    }

    static ScreeningStatus clear() {
        return screened(false, false, 120, 80, 10);
    }

    static Plan plan(List<Result> results, ScreeningStatus screening, Optional<Plan> previous, OffsetDateTime now) {
        return PrescriptionRules.prescribe(Evaluations.of(WOMAN, results, now.toInstant()), screening, results, previous,
                now).withVersion(previous.map(p -> p.version() + 1).orElse(1));
    }

    static Plan plan(List<Result> results, ScreeningStatus screening) {
        return plan(results, screening, Optional.empty(), NOW);
    }

    static Map<String, Integer> levels(Plan plan) {
        Map<String, Integer> levels = new java.util.TreeMap<>();
        plan.programs().forEach(p -> levels.put(p.code(), p.level()));
        return levels;
    }

    static List<String> restrictions(Plan plan) {
        return plan.restrictions().stream().map(r -> r.code().wire()).toList();
    }

    // --- the plan ----------------------------------------------------------------------------------

    @Test
    void aFitClearedSeniorGetsEveryComponentAndEveryProgram() {
        Plan plan = plan(fit(), clear());

        assertThat(restrictions(plan)).isEmpty();
        assertThat(levels(plan)).containsEntry("STEP_JUMP", 2).containsEntry("BALANCE", 2).containsEntry("INTERVAL", 1);
        assertThat(plan.components()).extracting(Plan.ComponentPlan::component)
                .containsExactly("AEROBIC", "STRENGTH", "BALANCE", "FLEXIBILITY");
        Plan.ComponentPlan aerobic = plan.components().getFirst();
        assertThat(aerobic.frequency()).isEqualTo("주 5일");
        assertThat(aerobic.intensity()).contains("RPE 12-14");
        assertThat(aerobic.volume()).contains("150");
        assertThat(aerobic.type()).contains("스텝 & 점프 2단계");
        assertThat(plan.components()).allSatisfy(c -> {
            assertThat(c.seniorLine()).isNotBlank();
            assertThat(c.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r.rule()).isNotBlank());
        });
        assertThat(plan.components().get(1).reasons().getFirst().measurements())
                .anySatisfy(m -> assertThat(m).contains("30초 의자에 앉았다 일어서기 14회"));
        assertThat(plan.seniorLines()).hasSize(4);
    }

    // --- each safety restriction --------------------------------------------------------------------

    @Test
    void withoutScreeningOnlyLowIntensityPrograms() {
        Plan plan = plan(fit(), ScreeningStatus.of(Optional.empty(), NOW.toInstant()));

        assertThat(restrictions(plan)).containsExactly("LOW_INTENSITY_ONLY");
        assertThat(levels(plan)).doesNotContainKey("INTERVAL").containsEntry("STEP_JUMP", 1).containsEntry("BALANCE", 2);
        assertThat(plan.restrictions().getFirst().seniorText()).contains("가벼운 운동");
        assertThat(plan.seniorLines().getFirst()).isEqualTo(plan.restrictions().getFirst().seniorText());
        assertThat(plan.components().getFirst().intensity()).contains("RPE 11-12");
    }

    @Test
    void anyYesMeansLowIntensityUntilStaffClearIt() {
        Plan notCleared = plan(fit(), screened(true, false, 120, 80, 10));
        Plan cleared = plan(fit(), screened(true, true, 120, 80, 10));

        assertThat(restrictions(notCleared)).containsExactly("LOW_INTENSITY_ONLY");
        assertThat(notCleared.restrictions().getFirst().staffText()).contains("BONE_JOINT");
        assertThat(levels(notCleared)).doesNotContainKey("INTERVAL");
        assertThat(restrictions(cleared)).isEmpty();
        assertThat(levels(cleared)).containsKey("INTERVAL");
    }

    @Test
    void aScreeningOlderThanAYearNoLongerCounts() {
        Plan plan = plan(fit(), screened(false, false, 120, 80, 400));

        assertThat(restrictions(plan)).containsExactly("LOW_INTENSITY_ONLY");
        assertThat(plan.restrictions().getFirst().staffText()).contains("12 months");
    }

    @Test
    void highBloodPressureStopsVigorousExercise() {
        Plan plan = plan(fit(), screened(false, false, 160, 90, 10));

        assertThat(restrictions(plan)).containsExactly("SAFE-BP-HIGH");
        assertThat(levels(plan)).doesNotContainKey("INTERVAL").containsEntry("STEP_JUMP", 1);
        assertThat(plan.restrictions().getFirst().staffText()).contains("160/90");
        assertThat(restrictions(plan(fit(), screened(false, false, 150, 100, 10)))).containsExactly("SAFE-BP-HIGH");
        assertThat(restrictions(plan(fit(), screened(false, false, 159, 99, 10)))).isEmpty();
    }

    @Test
    void severeBloodPressurePausesEveryKioskProgram() {
        Plan plan = plan(fit(), screened(false, false, 182, 100, 10));

        assertThat(restrictions(plan)).containsExactly("SAFE-BP-SEVERE");
        assertThat(plan.programs()).isEmpty();
        assertThat(plan.components().get(1).seniorLine()).contains("쉬어요");
    }

    @Test
    void highFallRiskMeansNoIntervalsAndBalanceWithSupport() {
        List<Result> results = fit();
        results.add(test("TIMED_UP_AND_GO", "14", 2));

        Plan plan = plan(results, clear());

        assertThat(restrictions(plan)).containsExactly("SAFE-FALL-HIGH", "SAFE-FALL-SUPPORT");
        assertThat(levels(plan)).doesNotContainKey("INTERVAL").containsEntry("STEP_JUMP", 1).containsEntry("BALANCE", 1);
        assertThat(plan.restrictions().getFirst().staffText()).contains("TUG_13_5").contains("14");
        assertThat(plan.components().get(2).frequency()).contains("매일");
    }

    @Test
    void elevatedFallRiskKeepsIntervalsButAsksForSupport() {
        List<Result> results = fit();
        results.add(test("TIMED_UP_AND_GO", "12.5", 2));

        Plan plan = plan(results, clear());

        assertThat(restrictions(plan)).containsExactly("SAFE-FALL-SUPPORT");
        assertThat(levels(plan)).containsEntry("BALANCE", 1).containsKey("INTERVAL");
    }

    @Test
    void noFallRiskTestMeansNoIntervalsYet() {
        List<Result> results = List.of(test("STEP_IN_PLACE_2MIN", "95", 3), test("GRIP_STRENGTH", "25", 3));

        Plan plan = plan(results, clear());

        assertThat(restrictions(plan)).containsExactly("SAFE-INTERVAL-UNTESTED");
        assertThat(levels(plan)).doesNotContainKey("INTERVAL");
        assertThat(plan.components().getFirst().intensity()).contains("RPE 12-14");
    }

    // --- progression -------------------------------------------------------------------------------

    /** A first plan 30 days ago, then the given new results. */
    private Plan progressed(List<Result> later) {
        List<Result> before = fit().stream().map(r -> test(r.code(), r.value().toPlainString(), 60)).toList();
        Plan first = plan(before, clear(), Optional.empty(), NOW.minusDays(30));
        List<Result> all = new ArrayList<>(before);
        all.addAll(later);
        return plan(all, clear(), Optional.of(first), NOW);
    }

    private static Plan.ProgramLevel stepJump(Plan plan) {
        return plan.program("STEP_JUMP").orElseThrow();
    }

    private static List<Result> sessions(int count, int level) {
        List<Result> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(session("STEP_JUMP", level, 1 + i * 3, Map.of()));
        }
        return sessions;
    }

    @Test
    void levelUpWhenAdherenceAndANewTestAgree() {
        List<Result> later = new ArrayList<>(sessions(4, 2));
        later.add(test("STEP_IN_PLACE_2MIN", "110", 1)); // +15 against 95, beyond 10

        Plan plan = progressed(later);

        assertThat(stepJump(plan).level()).isEqualTo(3);
        assertThat(stepJump(plan).change()).isEqualTo("UP");
        assertThat(stepJump(plan).levelSince()).isEqualTo(NOW);
        assertThat(stepJump(plan).reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("PROG-UP");
            assertThat(r.measurements()).anySatisfy(m -> assertThat(m).contains("STEP_IN_PLACE_2MIN 110"))
                    .anySatisfy(m -> assertThat(m).contains("4 sessions"));
        });
    }

    @Test
    void noLevelUpOnAdherenceAloneOrOnATestAlone() {
        Plan adherenceOnly = progressed(sessions(6, 2));
        List<Result> testOnly = new ArrayList<>(sessions(2, 2));
        testOnly.add(test("STEP_IN_PLACE_2MIN", "110", 1));
        List<Result> wrongLevel = new ArrayList<>(sessions(4, 1)); // sessions below the prescribed level
        wrongLevel.add(test("STEP_IN_PLACE_2MIN", "110", 1));

        assertThat(stepJump(adherenceOnly).level()).isEqualTo(2);
        assertThat(stepJump(adherenceOnly).change()).isEqualTo("HOLD");
        assertThat(stepJump(progressed(testOnly)).level()).isEqualTo(2);
        assertThat(stepJump(progressed(wrongLevel)).level()).isEqualTo(2);
    }

    @Test
    void levelDownAfterAStoppedEarlySessionWithASymptom() {
        List<Result> later = new ArrayList<>(sessions(4, 2));
        later.add(session("STEP_JUMP", 2, 2, Map.of("stoppedEarly", true, "symptom", "dizzy")));
        later.add(test("STEP_IN_PLACE_2MIN", "110", 1));

        Plan plan = progressed(later);

        assertThat(stepJump(plan).level()).isEqualTo(1);
        assertThat(stepJump(plan).change()).isEqualTo("DOWN");
        assertThat(stepJump(plan).reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("PROG-DOWN-SYMPTOM"));
        // stopped early without a symptom is no reason to go down
        assertThat(stepJump(progressed(List.of(session("STEP_JUMP", 2, 2, Map.of("stoppedEarly", true))))).level())
                .isEqualTo(2);
    }

    @Test
    void levelDownAfterADeclineBeyondMeasurementError() {
        Plan plan = progressed(List.of(test("STEP_IN_PLACE_2MIN", "80", 1))); // -15 against 95

        assertThat(stepJump(plan).level()).isEqualTo(1);
        assertThat(stepJump(plan).reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("PROG-DOWN-DECLINE");
            assertThat(r.measurements()).anySatisfy(m -> assertThat(m).contains("STEP_IN_PLACE_2MIN 80"));
        });
        assertThat(stepJump(progressed(List.of(test("STEP_IN_PLACE_2MIN", "88", 1)))).level()).isEqualTo(2);
    }

    @Test
    void theSameEvidenceMovesTheLevelOnlyOnce() {
        List<Result> later = new ArrayList<>(sessions(4, 2));
        later.add(test("STEP_IN_PLACE_2MIN", "110", 1));
        Plan up = progressed(later);
        List<Result> all = new ArrayList<>(fit().stream().map(r -> test(r.code(), r.value().toPlainString(), 60)).toList());
        all.addAll(later);

        Plan again = plan(all, clear(), Optional.of(up), NOW.plusHours(1));

        assertThat(stepJump(again).level()).isEqualTo(3);
        assertThat(stepJump(again).change()).isEqualTo("HOLD");
        assertThat(again.sameContent(up)).isTrue();
    }

    @Test
    void aRestrictionCapsAProgressedLevel() {
        List<Result> later = new ArrayList<>(sessions(4, 2));
        later.add(test("STEP_IN_PLACE_2MIN", "110", 1));
        Plan up = progressed(later);
        List<Result> all = new ArrayList<>(fit().stream().map(r -> test(r.code(), r.value().toPlainString(), 60)).toList());
        all.addAll(later);

        Plan capped = plan(all, screened(false, false, 165, 95, 0), Optional.of(up), NOW.plusHours(1));

        assertThat(stepJump(capped).level()).isEqualTo(1);
        assertThat(stepJump(capped).change()).isEqualTo("CAPPED");
        assertThat(capped.sameContent(up)).isFalse();
    }
}
