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
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.server.fitness.Evaluations;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.screening.Clearance;
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
                diastolic, cleared ? new Clearance("staff", "내과 김의사", NOW.minusDays(daysAgo).toLocalDate(),
                        NOW.minusDays(daysAgo)) : null, null);
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

    static Plan.ComponentPlan component(Plan plan, String code) {
        return plan.components().stream().filter(c -> c.component().equals(code)).findFirst().orElseThrow();
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
        assertThat(notCleared.restrictions().getFirst().staffText()).contains("뼈·관절·근육 문제").doesNotContain("BONE_JOINT");
        assertThat(levels(notCleared)).doesNotContainKey("INTERVAL");
        assertThat(restrictions(cleared)).isEmpty();
        assertThat(levels(cleared)).containsKey("INTERVAL");
    }

    @Test
    void aScreeningOlderThanAYearNoLongerCounts() {
        Plan plan = plan(fit(), screened(false, false, 120, 80, 400));

        assertThat(restrictions(plan)).containsExactly("LOW_INTENSITY_ONLY");
        assertThat(plan.restrictions().getFirst().staffText()).contains("12개월");
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
        assertThat(plan.restrictions().getFirst().staffText()).contains("13.5초 이상").contains("14초");
        assertThat(plan.components().get(2).frequency()).contains("매일");
    }

    @Test
    void elevatedFallRiskAsksForSupportAndAllowsNoIntervals() {
        List<Result> results = fit();
        results.add(test("TIMED_UP_AND_GO", "12.5", 2));

        Plan plan = plan(results, clear());

        assertThat(restrictions(plan)).containsExactly("SAFE-FALL-SUPPORT", "SAFE-INTERVAL-FALL");
        assertThat(levels(plan)).containsEntry("BALANCE", 1).containsEntry("STEP_JUMP", 2).doesNotContainKey("INTERVAL");
    }

    /** 69 in 2026: a TUG of 12.4 s is over STEADI's 12 s, so her fall risk is not low. */
    static final Senior WOMAN_69 = new Senior("M3QK7R2XDP", "ydp-01", "박정숙", 1957, "F");

    @Test
    void aWomanOf69WithATugOf12Point4AndAClearScreeningGetsNoIntervals() {
        List<Result> results = new ArrayList<>(List.of(test("CHAIR_STAND_30S", "16", 20),
                test("STEP_IN_PLACE_2MIN", "105", 20), test("TIMED_UP_AND_GO", "12.4", 20),
                test("ONE_LEG_STANCE", "25", 20), test("SIT_AND_REACH", "5", 20)));
        ScreeningStatus clear = clear();

        Plan plan = PrescriptionRules.prescribe(Evaluations.of(WOMAN_69, results, NOW.toInstant()), clear, results,
                Optional.empty(), NOW);

        assertThat(plan.restrictions()).extracting(Plan.Restriction::code).contains(RestrictionCode.INTERVAL_FALL_RISK);
        assertThat(levels(plan)).doesNotContainKey("INTERVAL").containsKey("STEP_JUMP");
        assertThat(plan.restrictions()).filteredOn(r -> r.code() == RestrictionCode.INTERVAL_FALL_RISK)
                .singleElement().satisfies(r -> assertThat(r.staffText()).contains("12초 이상").contains("12.4"));
        // the same senior with a TUG under 12 s is at low fall risk: intervals open
        results.set(2, test("TIMED_UP_AND_GO", "9.5", 20));
        assertThat(levels(PrescriptionRules.prescribe(Evaluations.of(WOMAN_69, results, NOW.toInstant()), clear,
                results, Optional.empty(), NOW))).containsKey("INTERVAL");
    }

    @Test
    void highFallRiskMeansNoBriskWalkingNoJumpsAndSupportedOtagoStrengthAndBalance() {
        List<Result> results = fit();
        results.add(test("ONE_LEG_STANCE", "3", 2));

        Plan plan = plan(results, clear());

        Plan.ComponentPlan aerobic = component(plan, "AEROBIC");
        assertThat(aerobic.type()).startsWith("평소 걸음으로 걷기").contains("빠르게 걷기 아님");
        assertThat(aerobic.seniorLine()).contains("빠르게 걷지는 마세요").doesNotContain("빠르게 걷기를");
        assertThat(aerobic.homeExercises()).noneMatch(e -> e.contains("빠르게"));
        assertThat(aerobic.reasons()).extracting(Plan.Reason::rule).contains("AEROBIC-FALL-RISK");
        assertThat(levels(plan).get("STEP_JUMP")).isLessThanOrEqualTo(RestrictionCode.STEP_JUMP_HIGHEST_WITHOUT_JUMPS);
        assertThat(plan.restrictions()).extracting(Plan.Restriction::code)
                .contains(RestrictionCode.FALL_HIGH, RestrictionCode.FALL_SUPPORT);
        assertThat(plan.restrictions().getFirst().seniorText()).contains("점프").contains("빠르게 걷기");
        Plan.ComponentPlan balance = component(plan, "BALANCE");
        assertThat(balance.intensity()).contains("잡고");
        assertThat(balance.homeExercises()).isNotEmpty().allSatisfy(e -> assertThat(e).contains("잡고"));
        Plan.ComponentPlan strength = component(plan, "STRENGTH");
        assertThat(strength.seniorLine()).startsWith("의자를 잡고");
        assertThat(strength.reasons()).extracting(Plan.Reason::rule).contains("OTAGO-STRENGTH");
        // at low fall risk brisk walking stays
        assertThat(component(plan(fit(), clear()), "AEROBIC").type()).startsWith("빠르게 걷기");
    }

    // --- bones and jumps ----------------------------------------------------------------------------

    /** A clear screening whose bone answer is given (true: osteoporosis or a fracture) or missing (null). */
    static ScreeningStatus bone(Boolean fragile) {
        Map<ScreeningQuestion, Boolean> answers = new EnumMap<>(ScreeningQuestion.class);
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q, false);
        }
        answers.remove(ScreeningQuestion.BONE_FRAGILITY);
        if (fragile != null) {
            answers.put(ScreeningQuestion.BONE_FRAGILITY, fragile);
        }
        return ScreeningStatus.of(Optional.of(new Screening("s2", WOMAN.id(), NOW.minusDays(10), "staff", answers,
                120, 80, null, null)), NOW.toInstant());
    }

    /** The plan with a program at another level, as if the senior had progressed to it. */
    static Plan atLevel(Plan plan, String code, int level) {
        List<Plan.ProgramLevel> programs = plan.programs().stream().map(p -> !p.code().equals(code) ? p
                : new Plan.ProgramLevel(p.code(), p.korean(), level, p.minutes(), p.perWeek(), "UP", p.levelSince(),
                        p.seniorLine(), p.reasons())).toList();
        return new Plan(plan.memberId(), plan.version(), plan.createdAt(), plan.ruleset(), plan.seniorLines(),
                plan.components(), programs, plan.restrictions(), plan.basis());
    }

    @Test
    void withoutANoToTheBoneQuestionStepAndJumpStaysBelowTheLevelsWithJumps() {
        Plan atFour = atLevel(plan(fit(), clear()), "STEP_JUMP", 4);

        Plan unanswered = plan(fit(), bone(null), Optional.of(atFour), NOW.plusDays(1));
        Plan fragile = plan(fit(), bone(true), Optional.of(atFour), NOW.plusDays(1));
        Plan sound = plan(fit(), bone(false), Optional.of(atFour), NOW.plusDays(1));

        assertThat(restrictions(unanswered)).containsExactly("SAFE-BONE-NO-JUMP");
        assertThat(stepJump(unanswered).level()).isEqualTo(RestrictionCode.STEP_JUMP_HIGHEST_WITHOUT_JUMPS);
        assertThat(stepJump(unanswered).change()).isEqualTo("CAPPED");
        assertThat(unanswered.restrictions().getFirst().seniorText()).contains("답하기 전");
        assertThat(restrictions(fragile)).containsExactly("SAFE-BONE-NO-JUMP");
        assertThat(stepJump(fragile).level()).isEqualTo(3);
        assertThat(fragile.restrictions().getFirst().staffText()).contains("골다공증");
        assertThat(restrictions(sound)).isEmpty();
        assertThat(stepJump(sound).level()).isEqualTo(4);
        // a bone "yes" needs no clearance: it limits jumps only
        assertThat(bone(true).state()).isEqualTo(ScreeningStatus.State.CLEAR);
        assertThat(levels(plan(fit(), bone(true)))).containsKey("INTERVAL");
        // no screening at all: low intensity caps step & jump at 1 already, so no second restriction
        assertThat(restrictions(plan(fit(), ScreeningStatus.of(Optional.empty(), NOW.toInstant()))))
                .containsExactly("LOW_INTENSITY_ONLY");
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
            assertThat(r.measurements()).anySatisfy(m -> assertThat(m).contains("2분 제자리 걷기 110회"))
                    .anySatisfy(m -> assertThat(m).contains("2단계 이상 4번"));
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
            assertThat(r.measurements()).anySatisfy(m -> assertThat(m).contains("2분 제자리 걷기 80회"));
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

    // --- effort (Borg CR10 after each session) ---------------------------------------------------

    static Result effort(String program, int level, int rating, int daysAgo) {
        return new Result("EXERCISE_EFFORT", "check", new BigDecimal(rating), NOW.minusDays(daysAgo).plusMinutes(5),
                Map.of("program", program, "level", level));
    }

    /** What would move step & jump up: 4 sessions at level 2 and a 2-minute step 15 better. */
    private static List<Result> readyToGoUp() {
        List<Result> later = new ArrayList<>(sessions(4, 2));
        later.add(test("STEP_IN_PLACE_2MIN", "110", 1));
        return later;
    }

    @Test
    void noLevelUpWhileRecentSessionsAtThisLevelFeltVeryHard() {
        List<Result> hard = new ArrayList<>(readyToGoUp());
        hard.add(effort("STEP_JUMP", 2, 5, 10));
        hard.add(effort("STEP_JUMP", 2, 7, 1));
        List<Result> moderate = new ArrayList<>(readyToGoUp());
        moderate.add(effort("STEP_JUMP", 2, 5, 4));
        moderate.add(effort("STEP_JUMP", 2, 6, 1));
        List<Result> hardElsewhere = new ArrayList<>(readyToGoUp());
        hardElsewhere.add(effort("BALANCE", 2, 8, 1)); // another program
        hardElsewhere.add(effort("STEP_JUMP", 1, 8, 1)); // another level

        Plan held = progressed(hard);

        assertThat(stepJump(held).level()).isEqualTo(2);
        assertThat(stepJump(held).change()).isEqualTo("HOLD");
        assertThat(stepJump(held).reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("PROG-HOLD-EFFORT");
            assertThat(r.measurements()).anySatisfy(m -> assertThat(m).contains("힘든 정도 7/10"));
        });
        assertThat(stepJump(progressed(moderate)).level()).isEqualTo(3);
        assertThat(stepJump(progressed(hardElsewhere)).level()).isEqualTo(3);
        // an old hard rating, no longer among the latest three, does not hold it back
        List<Result> oldHard = new ArrayList<>(readyToGoUp());
        oldHard.add(effort("STEP_JUMP", 2, 8, 12));
        oldHard.add(effort("STEP_JUMP", 2, 5, 9));
        oldHard.add(effort("STEP_JUMP", 2, 5, 6));
        oldHard.add(effort("STEP_JUMP", 2, 6, 3));
        assertThat(stepJump(progressed(oldHard)).level()).isEqualTo(3);
    }

    @Test
    void levelDownAfterRepeatedNearMaximalRatingsButNotAfterOne() {
        List<Result> twice = new ArrayList<>(sessions(3, 2));
        twice.add(effort("STEP_JUMP", 2, 9, 7));
        twice.add(effort("STEP_JUMP", 2, 6, 4));
        twice.add(effort("STEP_JUMP", 2, 10, 1));
        List<Result> once = new ArrayList<>(sessions(3, 2));
        once.add(effort("STEP_JUMP", 2, 9, 4));
        once.add(effort("STEP_JUMP", 2, 6, 1));

        Plan down = progressed(twice);

        assertThat(stepJump(down).level()).isEqualTo(1);
        assertThat(stepJump(down).change()).isEqualTo("DOWN");
        assertThat(stepJump(down).reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("PROG-DOWN-EFFORT");
            assertThat(r.explanation()).contains("Borg CR10").contains("ACSM");
            assertThat(r.measurements()).hasSize(3);
        });
        assertThat(stepJump(progressed(once)).level()).isEqualTo(2);
        assertThat(stepJump(progressed(once)).change()).isEqualTo("HOLD");
    }

    // --- volume: balance hours and the named strength exercises ---------------------------------------

    @Test
    void balanceAddsUpToTwoHoursAWeekAcrossKioskAndHomeAndStrengthNamesEveryExercise() {
        Plan plan = plan(fit(), clear());

        Plan.ComponentPlan balance = component(plan, "BALANCE");
        Plan.ProgramLevel kiosk = plan.program("BALANCE").orElseThrow();
        int home = Integer.parseInt(balance.time().replaceAll("\\D", ""));
        int weekly = kiosk.minutes() * kiosk.perWeek() + home * PrescriptionRules.BALANCE_HOME_DAYS;
        assertThat(weekly).isBetween(PrescriptionRules.BALANCE_MINUTES_PER_WEEK, PrescriptionRules.BALANCE_MINUTES_PER_WEEK_AIM);
        assertThat(balance.volume()).contains("주 " + weekly + "분");
        assertThat(balance.reasons()).extracting(Plan.Reason::rule).contains("BALANCE-VOLUME");
        assertThat(balance.homeExercises()).hasSizeGreaterThanOrEqualTo(5);
        // without the kiosk program (severe blood pressure) home alone reaches the hours
        Plan.ComponentPlan paused = component(plan(fit(), screened(false, false, 185, 112, 10)), "BALANCE");
        assertThat(Integer.parseInt(paused.time().replaceAll("\\D", "")) * PrescriptionRules.BALANCE_HOME_DAYS)
                .isGreaterThanOrEqualTo(PrescriptionRules.BALANCE_MINUTES_PER_WEEK);

        Plan.ComponentPlan strength = component(plan, "STRENGTH");
        assertThat(strength.homeExercises()).hasSizeBetween(8, 10).doesNotHaveDuplicates()
                .allSatisfy(e -> assertThat(e).matches(".*[가-힣].*"));
        assertThat(strength.volume()).startsWith(strength.homeExercises().size() + "동작");
        assertThat(strength.type().split(", ")).hasSize(strength.homeExercises().size());
    }

    // --- versions: substance, not volatile content ---------------------------------------------------

    @Test
    void aNewResultThatChangesNothingTheSeniorGetsIsTheSamePlan() {
        List<Result> results = fit();
        results.add(test("TIMED_UP_AND_GO", "14", 2));
        Plan first = plan(results, clear());
        List<Result> more = new ArrayList<>(results);
        more.add(test("TIMED_UP_AND_GO", "14.6", 0)); // still high fall risk, another value in every staff text

        Plan later = plan(more, clear(), Optional.of(first), NOW.plusHours(3));

        assertThat(later.restrictions().getFirst().staffText()).contains("14.6");
        assertThat(later.basis()).isNotEqualTo(first.basis());
        assertThat(later.sameContent(first)).isTrue();
        // a change the senior would see is a new version
        List<Result> better = new ArrayList<>(results);
        better.add(test("TIMED_UP_AND_GO", "8", 0));
        assertThat(plan(better, clear(), Optional.of(first), NOW.plusHours(3)).sameContent(first)).isFalse();
        // a version stored by older rules may lack a field: compared, not a failure
        List<Plan.ComponentPlan> older = first.components().stream().map(c -> new Plan.ComponentPlan(c.component(),
                c.korean(), c.frequency(), c.intensity(), c.time(), c.type(), null, c.progression(), c.seniorLine(),
                null, c.reasons())).toList();
        Plan stored = new Plan(first.memberId(), 1, first.createdAt(), "2026-11.1", first.seniorLines(), older,
                first.programs(), first.restrictions(), first.basis());
        assertThat(later.sameContent(stored)).isFalse();
        assertThat(stored.sameContent(stored)).isTrue();
    }

    @Test
    void everyStaffFacingTextIsKorean() {
        for (Map.Entry<String, Plan> path : PrescriptionContractTest.rulePaths().entrySet()) {
            Plan plan = path.getValue();
            List<String> texts = new ArrayList<>();
            plan.restrictions().forEach(r -> {
                texts.add(r.staffText());
                texts.add(r.seniorText());
            });
            plan.components().forEach(c -> c.reasons().forEach(r -> texts.add(r.explanation())));
            plan.programs().forEach(p -> p.reasons().forEach(r -> texts.add(r.explanation())));
            texts.add(plan.basis().screening());
            texts.add(plan.basis().bloodPressure());
            texts.add(plan.basis().fallRisk());
            texts.addAll(plan.basis().components());
            assertThat(texts).as(path.getKey()).allSatisfy(text -> assertThat(text)
                    .matches("(?s).*[가-힣].*")
                    .doesNotContainPattern("\\b[a-z]{3,} [a-z]{2,} [a-z]{3,}\\b"));
        }
    }
}
