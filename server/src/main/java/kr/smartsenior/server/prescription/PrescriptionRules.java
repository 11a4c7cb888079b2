package kr.smartsenior.server.prescription;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.server.fitness.ComponentStatus;
import kr.smartsenior.server.fitness.Evaluation;
import kr.smartsenior.server.fitness.FallRiskLevel;
import kr.smartsenior.server.fitness.FitnessComponent;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.fitness.TrendDirection;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.screening.ScreeningStatus;

/**
 * The prescription rules (pure: the same inputs always give the same plan). Grounded in WHO 2020
 * guidelines on physical activity for older adults and ACSM's FITT-VP guidance; the safety and
 * progression rules are this project's, each named (rule ids in docs/fitness-norms.md).
 */
final class PrescriptionRules {

    static final String RULESET = "2026-11.1";
    static final int MAX_LEVEL = RestrictionCode.MAX_LEVEL;
    /** Adherence is judged on the sessions of the last two weeks (since the level was set). */
    static final Duration ADHERENCE_WINDOW = Duration.ofDays(14);
    /** Sessions at (or above) the current level in the window needed to move up: 2 a week. */
    static final int ADHERENCE_MIN_SESSIONS = 4;

    private PrescriptionRules() {
    }

    static Plan prescribe(Evaluation evaluation, ScreeningStatus screening, List<Result> history,
            Optional<Plan> previous, OffsetDateTime now) {
        Map<KioskProgram, Integer> caps = new EnumMap<>(KioskProgram.class);
        for (KioskProgram program : KioskProgram.values()) {
            caps.put(program, MAX_LEVEL);
        }
        List<Plan.Restriction> restrictions = restrictions(evaluation, screening, caps);
        boolean lowIntensity = restrictions.stream().anyMatch(r -> r.code() == RestrictionCode.LOW_INTENSITY_ONLY);
        boolean paused = restrictions.stream().anyMatch(r -> r.code() == RestrictionCode.BP_SEVERE);

        List<Plan.ProgramLevel> programs = new ArrayList<>();
        for (KioskProgram program : KioskProgram.values()) {
            program(program, evaluation, history, previous, caps.get(program), now).ifPresent(programs::add);
        }
        List<Plan.ComponentPlan> components = List.of(aerobic(evaluation, programs, lowIntensity, paused),
                strength(evaluation, paused), balance(evaluation, programs, paused), flexibility(evaluation));

        List<String> seniorLines = new ArrayList<>();
        restrictions.forEach(r -> seniorLines.add(r.seniorText()));
        components.forEach(c -> seniorLines.add(c.seniorLine()));
        Plan.Basis basis = new Plan.Basis(screening.state().name()
                + (screening.answeredYes().isEmpty() ? "" : " " + screening.answeredYes()),
                screening.bloodPressure().name() + (screening.screening() != null
                        && screening.screening().systolic() != null
                        ? " (" + screening.screening().systolic() + "/" + screening.screening().diastolic() + " mmHg)"
                        : ""),
                evaluation.fallRisk().level().name(),
                evaluation.components().stream().map(c -> c.component() + " " + c.status() + " " + c.trend()).toList(),
                OffsetDateTime.ofInstant(evaluation.evaluatedAt(), now.getOffset()));
        return new Plan(evaluation.memberId(), 0, now, RULESET, List.copyOf(seniorLines), components,
                List.copyOf(programs), List.copyOf(restrictions), basis);
    }

    // --- safety ------------------------------------------------------------------------------

    private static List<Plan.Restriction> restrictions(Evaluation evaluation, ScreeningStatus screening,
            Map<KioskProgram, Integer> caps) {
        List<Plan.Restriction> restrictions = new ArrayList<>();
        switch (screening.state()) {
            case NOT_SCREENED -> restrictions.add(lowIntensity(caps, "SAFE-SCREEN",
                    "안전 확인 전이라 가벼운 운동만 해요. 선생님께 건강 질문을 받아 주세요.",
                    "No safety screening on record: low-intensity programs only (no intervals, step & jump level 1,"
                            + " balance at most level 2) until staff record one."));
            case EXPIRED -> restrictions.add(lowIntensity(caps, "SAFE-SCREEN",
                    "건강 질문을 받은 지 1년이 지났어요. 다시 받을 때까지 가벼운 운동만 해요.",
                    "The last screening is older than 12 months: low-intensity programs only until staff repeat it."));
            case NEEDS_CLEARANCE -> restrictions.add(lowIntensity(caps, "SAFE-SCREEN",
                    "건강 질문에 '예'가 있어 가벼운 운동만 해요. 선생님이 확인하면 바뀌어요.",
                    "Screening answered yes to " + screening.answeredYes().stream().map(ScreeningQuestion::name).toList()
                            + ": low-intensity programs only until staff record a clearance (e.g. after the senior's"
                            + " doctor agreed)."));
            case CLEAR, CLEARED_BY_STAFF -> {
            }
        }
        Integer systolic = screening.screening() == null ? null : screening.screening().systolic();
        Integer diastolic = screening.screening() == null ? null : screening.screening().diastolic();
        String bp = systolic == null ? "" : " (" + systolic + "/" + diastolic + " mmHg)";
        switch (screening.bloodPressure()) {
            case SEVERE -> {
                restrictions.add(restrict(caps, RestrictionCode.BP_SEVERE,
                        "혈압이 매우 높아요. 키오스크 운동은 쉬고, 선생님과 상담한 뒤 다시 시작해요.",
                        "Resting blood pressure at or above " + ScreeningStatus.SEVERE_SYSTOLIC + "/"
                                + ScreeningStatus.SEVERE_DIASTOLIC + " mmHg" + bp + ": no kiosk programs; gentle"
                                + " walking and stretching only until staff record a lower reading (project rule).",
                        "SAFE-BP-SEVERE"));
            }
            case HIGH -> {
                restrictions.add(restrict(caps, RestrictionCode.BP_HIGH,
                        "혈압이 높은 편이라 힘든 운동(인터벌)은 하지 않아요.",
                        "Resting blood pressure at or above " + ScreeningStatus.HIGH_SYSTOLIC + "/"
                                + ScreeningStatus.HIGH_DIASTOLIC + " mmHg" + bp + " (국민체력100 measures only below"
                                + " this): no vigorous exercise (no intervals, step & jump level 1) until a lower"
                                + " reading is recorded.",
                        "SAFE-BP-HIGH"));
            }
            case UNKNOWN, NORMAL -> {
            }
        }
        FallRiskLevel fallRisk = evaluation.fallRisk().level();
        String flags = evaluation.fallRisk().flags().stream()
                .map(f -> f.flag() + " (" + f.code() + " " + f.value().toPlainString() + ": " + f.rule() + ")").toList()
                .toString();
        if (fallRisk == FallRiskLevel.HIGH) {
            restrictions.add(restrict(caps, RestrictionCode.FALL_HIGH,
                    "넘어질 위험이 있어 인터벌과 점프는 하지 않고, 균형 운동을 먼저 해요.",
                    "High fall risk " + flags + ": no intervals, step & jump level 1, balance at most level 2, always"
                            + " with support.", "SAFE-FALL-HIGH"));
        }
        if (fallRisk == FallRiskLevel.HIGH || fallRisk == FallRiskLevel.ELEVATED) {
            restrictions.add(restrict(caps, RestrictionCode.FALL_SUPPORT,
                    "운동할 때는 의자나 손잡이를 잡고 하세요.",
                    "Fall risk " + fallRisk + " " + flags + ": every standing exercise next to a chair or rail.",
                    "SAFE-FALL-SUPPORT"));
        }
        if (fallRisk == FallRiskLevel.NEEDS_CHECK && caps.get(KioskProgram.INTERVAL) > 0) {
            restrictions.add(restrict(caps, RestrictionCode.INTERVAL_UNTESTED,
                    "인터벌 운동은 균형 검사를 한 뒤에 시작해요.",
                    "Fall risk needs checking (확인 필요: " + String.join("; ", evaluation.fallRisk().missing())
                            + "): no intervals until it is known.", "SAFE-INTERVAL-UNTESTED"));
        }
        return restrictions;
    }

    private static Plan.Restriction lowIntensity(Map<KioskProgram, Integer> caps, String rule, String senior,
            String staff) {
        return restrict(caps, RestrictionCode.LOW_INTENSITY_ONLY, senior, staff, rule);
    }

    /** A restriction, with its limits (shared with the kiosk, {@link RestrictionCode}) applied to the caps. */
    private static Plan.Restriction restrict(Map<KioskProgram, Integer> caps, RestrictionCode code, String senior,
            String staff, String rule) {
        caps.replaceAll((program, cap) -> Math.min(cap, code.levelCap(program.code())));
        return new Plan.Restriction(code, senior, staff, rule);
    }

    // --- kiosk programs and progression --------------------------------------------------------

    private static Optional<Plan.ProgramLevel> program(KioskProgram program, Evaluation evaluation,
            List<Result> history, Optional<Plan> previous, int cap, OffsetDateTime now) {
        Evaluation.ComponentSummary component = evaluation.component(program.component());
        Optional<Plan.ProgramLevel> before = previous.flatMap(p -> p.program(program.name()));
        List<Plan.Reason> reasons = new ArrayList<>();
        int level;
        String change;
        OffsetDateTime since;
        if (before.isEmpty()) {
            Optional<Integer> start = startLevel(program, evaluation, reasons);
            if (start.isEmpty()) {
                return Optional.empty();
            }
            level = start.get();
            change = "START";
            since = now;
        } else {
            int previousLevel = before.get().level();
            since = before.get().levelSince();
            level = previousLevel;
            change = "HOLD";
            List<Result> sessions = sessionsSince(history, program, since, now);
            Optional<Result> symptom = sessions.stream().filter(PrescriptionRules::stoppedWithSymptom).findFirst();
            List<String> declined = componentTests(evaluation, program.component(), TrendDirection.DECLINED, since);
            List<String> improved = componentTests(evaluation, program.component(), TrendDirection.IMPROVED, since);
            long atLevel = sessions.stream()
                    .filter(s -> !s.takenAt().isBefore(now.minus(ADHERENCE_WINDOW)))
                    .filter(s -> sessionLevel(s).map(l -> l >= previousLevel).orElse(true)).count();
            if (symptom.isPresent()) {
                level = Math.max(1, previousLevel - 1);
                change = level < previousLevel ? "DOWN" : "HOLD";
                reasons.add(new Plan.Reason("PROG-DOWN-SYMPTOM", "A session was stopped early with a symptom since"
                        + " the level was set: one level down (not below 1); staff should ask about the symptom.",
                        List.of(describe(symptom.get()))));
            } else if (!declined.isEmpty()) {
                level = Math.max(1, previousLevel - 1);
                change = level < previousLevel ? "DOWN" : "HOLD";
                reasons.add(new Plan.Reason("PROG-DOWN-DECLINE", "A test of " + program.component()
                        + " declined beyond its measurement error since the level was set: one level down.", declined));
            } else if (atLevel >= ADHERENCE_MIN_SESSIONS && !improved.isEmpty()) {
                level = Math.min(MAX_LEVEL, previousLevel + 1);
                change = level > previousLevel ? "UP" : "HOLD";
                List<String> evidence = new ArrayList<>(improved);
                evidence.add(atLevel + " sessions at level " + previousLevel + " or above in the last "
                        + ADHERENCE_WINDOW.toDays() + " days");
                reasons.add(new Plan.Reason("PROG-UP", "Both agree: at least " + ADHERENCE_MIN_SESSIONS
                        + " sessions at this level in " + ADHERENCE_WINDOW.toDays() + " days, and a " + program.component()
                        + " test improved beyond its measurement error since the level was set.", evidence));
            } else {
                reasons.add(new Plan.Reason("PROG-HOLD", "Level stays: moving up needs at least "
                        + ADHERENCE_MIN_SESSIONS + " sessions at this level in " + ADHERENCE_WINDOW.toDays()
                        + " days and an improved " + program.component() + " test since the level was set.",
                        List.of(atLevel + " sessions at level " + previousLevel + " or above in the window",
                                improved.isEmpty() ? "no improved test since " + since.toLocalDate()
                                        : "improved: " + improved)));
            }
            if (level != previousLevel) {
                since = now;
            }
        }
        if (cap == 0) {
            return Optional.empty();
        }
        if (level > cap) {
            reasons.add(new Plan.Reason("CAP", "A safety restriction limits " + program.name() + " to level " + cap
                    + " (see restrictions).", List.of()));
            level = cap;
            change = "CAPPED";
            since = now;
        }
        String seniorLine = "%s %d단계를 %d분, 일주일에 %d번 해요.".formatted(program.korean(), level,
                program.minutes(level), program.perWeek());
        reasons.addFirst(new Plan.Reason("KIOSK-" + program.name(), program.component() + " is "
                + component.status() + " (trend " + component.trend() + ")", component.basis()));
        return Optional.of(new Plan.ProgramLevel(program.name(), program.korean(), level, program.minutes(level),
                program.perWeek(), change, since, seniorLine, List.copyOf(reasons)));
    }

    private static Optional<Integer> startLevel(KioskProgram program, Evaluation evaluation, List<Plan.Reason> reasons) {
        ComponentStatus status = evaluation.component(program.component()).status();
        FallRiskLevel fallRisk = evaluation.fallRisk().level();
        return switch (program) {
            case STEP_JUMP -> {
                int level = switch (status) {
                    case GOOD -> 3;
                    case OK -> 2;
                    default -> 1;
                };
                reasons.add(new Plan.Reason("START-LEVEL", "Start level from endurance: below normal or not measured"
                        + " 1, within normal 2, above normal 3.", List.of("ENDURANCE " + status)));
                yield Optional.of(level);
            }
            case BALANCE -> {
                int level = fallRisk == FallRiskLevel.HIGH || fallRisk == FallRiskLevel.ELEVATED ? 1 : switch (status) {
                    case GOOD -> 3;
                    case OK -> 2;
                    default -> 1;
                };
                reasons.add(new Plan.Reason("START-LEVEL", "Start level from balance and fall risk: any fall-risk flag"
                        + " or balance below normal or not measured 1, within normal 2, above normal 3.",
                        List.of("BALANCE_AGILITY " + status, "fall risk " + fallRisk)));
                yield Optional.of(level);
            }
            case INTERVAL -> {
                ComponentStatus strength = evaluation.component(FitnessComponent.STRENGTH).status();
                boolean ready = isOkOrGood(status) && isOkOrGood(strength);
                if (!ready) {
                    yield Optional.empty();
                }
                int level = status == ComponentStatus.GOOD && strength == ComponentStatus.GOOD ? 2 : 1;
                reasons.add(new Plan.Reason("START-LEVEL", "Intervals only once endurance and strength are within"
                        + " normal: level 1 (2 if both above normal).",
                        List.of("ENDURANCE " + status, "STRENGTH " + strength)));
                yield Optional.of(level);
            }
        };
    }

    private static boolean isOkOrGood(ComponentStatus status) {
        return status == ComponentStatus.OK || status == ComponentStatus.GOOD;
    }

    private static List<Result> sessionsSince(List<Result> history, KioskProgram program, OffsetDateTime since,
            OffsetDateTime now) {
        return history.stream().filter(r -> !r.isTest() && r.code().equals(program.name()))
                .filter(r -> r.takenAt().isAfter(since) || r.takenAt().isEqual(since))
                .filter(r -> !r.takenAt().isAfter(now)).toList();
    }

    static boolean stoppedWithSymptom(Result session) {
        Object stopped = session.detail().get("stoppedEarly");
        Object symptom = session.detail().get("symptom");
        return Boolean.TRUE.equals(stopped) && symptom instanceof String text && !text.isBlank();
    }

    static Optional<Integer> sessionLevel(Result session) {
        return session.detail().get("level") instanceof Number number ? Optional.of(number.intValue())
                : Optional.empty();
    }

    private static List<String> componentTests(Evaluation evaluation, FitnessComponent component,
            TrendDirection direction, OffsetDateTime since) {
        List<String> found = new ArrayList<>();
        for (MeasurementCode code : component.tests()) {
            evaluation.result(code.name())
                    .filter(r -> r.current() && r.trend().direction() == direction && r.takenAt().isAfter(since))
                    .ifPresent(r -> found.add("%s %s %s (%s) vs earlier %s: change %s, beyond %s%s".formatted(
                            r.code(), r.value().toPlainString(), r.unit(), r.takenAt().toLocalDate(),
                            r.trend().baseline().toPlainString(), r.trend().change().toPlainString(),
                            r.trend().threshold().toPlainString(), r.trend().provisional() ? " (provisional)" : "")));
        }
        return found;
    }

    private static String describe(Result session) {
        return "%s session %s: stopped early, symptom '%s'".formatted(session.code(), session.takenAt().toLocalDate(),
                session.detail().get("symptom"));
    }

    // --- FITT-VP per component -----------------------------------------------------------------

    private static List<String> measured(Evaluation evaluation, FitnessComponent component) {
        return evaluation.component(component).basis().isEmpty()
                ? List.of(component + ": no current result")
                : evaluation.component(component).basis();
    }

    private static Plan.ComponentPlan aerobic(Evaluation evaluation, List<Plan.ProgramLevel> programs,
            boolean lowIntensity, boolean paused) {
        ComponentStatus status = evaluation.component(FitnessComponent.ENDURANCE).status();
        boolean start = status == ComponentStatus.NEEDS_WORK || status == ComponentStatus.NO_DATA;
        List<Plan.Reason> reasons = new ArrayList<>();
        reasons.add(new Plan.Reason("WHO2020-AEROBIC", "WHO 2020: older adults 150-300 min a week of moderate"
                + " aerobic activity (or 75-150 min vigorous); intensity by the talk test or RPE 12-14 (ACSM).",
                measured(evaluation, FitnessComponent.ENDURANCE)));
        if (paused) {
            return new Plan.ComponentPlan("AEROBIC", "유산소 운동", "매일 조금씩", "가볍게 (RPE 9-11)", "10분씩",
                    "평소처럼 걷기", "무리하지 않기", "혈압을 다시 잰 뒤 정해요",
                    "평소처럼 가볍게 걸으세요. 힘든 운동은 쉬어요.", List.of("가볍게 걷기"), reasons);
        }
        String stepJump = programs.stream().filter(p -> p.code().equals("STEP_JUMP"))
                .map(p -> ", 키오스크 스텝 & 점프 " + p.level() + "단계").findFirst().orElse("");
        if (start) {
            reasons.add(new Plan.Reason("AEROBIC-START", "Endurance below normal or not measured: start with"
                    + " 10-15 min, 3 days a week, and build up to 150 min a week.", List.of("ENDURANCE " + status)));
        }
        String intensity = lowIntensity ? "가볍게~중간 (대화가 편한 정도, RPE 11-12)"
                : "중간 (말은 할 수 있지만 노래는 어려운 정도, RPE 12-14)";
        if (lowIntensity) {
            reasons.add(new Plan.Reason("SAFE-SCREEN", "The screening restriction allows light to moderate intensity"
                    + " only (see restrictions).", List.of()));
        }
        return new Plan.ComponentPlan("AEROBIC", "유산소 운동", start ? "주 3일에서 시작해 주 5일까지" : "주 5일",
                intensity, start ? "하루 10-15분에서 시작 (나눠서 해도 됨)" : "하루 30분 (10분씩 나눠도 됨)",
                "빠르게 걷기" + stepJump, "주 150분 이상 (WHO 2020: 150-300분)",
                "2주마다 한 번에 5분씩 늘려 하루 30분까지",
                start ? "빠르게 걷기를 하루 10분부터, 일주일에 3번 시작해요." : "빠르게 걷기를 하루 30분, 일주일에 5번 해요.",
                List.of("빠르게 걷기", "제자리 걷기"), reasons);
    }

    private static Plan.ComponentPlan strength(Evaluation evaluation, boolean paused) {
        ComponentStatus status = evaluation.component(FitnessComponent.STRENGTH).status();
        boolean start = status == ComponentStatus.NEEDS_WORK || status == ComponentStatus.NO_DATA;
        List<Plan.Reason> reasons = List.of(new Plan.Reason("WHO2020-STRENGTH", "WHO 2020: muscle strengthening of"
                + " the major muscle groups on 2 or more days a week; ACSM: 8-12 repetitions at RPE 12-14, 1-3 sets,"
                + " not on consecutive days.", measured(evaluation, FitnessComponent.STRENGTH)));
        if (paused) {
            return new Plan.ComponentPlan("STRENGTH", "근력 운동", "쉬기", "-", "-", "-", "-",
                    "혈압을 다시 잰 뒤 정해요", "근력 운동은 잠시 쉬어요.", List.of(), reasons);
        }
        return new Plan.ComponentPlan("STRENGTH", "근력 운동", "주 2-3일 (이틀 연속은 쉬기)",
                "조금 힘든 정도 (RPE 12-14), 마지막 몇 번이 힘든 무게",
                "20-30분", "의자에서 일어서기, 벽 밀기, 발뒤꿈치 들기", start ? "8-10동작, 10회 1세트" : "8-10동작, 10-12회 2세트",
                "12회가 쉬워지면 세트를 하나 늘려요 (최대 3세트)",
                "의자에서 일어서기와 벽 밀기를 10번씩, 일주일에 2-3번 해요.",
                List.of("의자에서 일어서기", "벽 밀기", "발뒤꿈치 들기"), reasons);
    }

    private static Plan.ComponentPlan balance(Evaluation evaluation, List<Plan.ProgramLevel> programs, boolean paused) {
        FallRiskLevel fallRisk = evaluation.fallRisk().level();
        boolean atRisk = fallRisk == FallRiskLevel.HIGH || fallRisk == FallRiskLevel.ELEVATED;
        List<String> measurements = new ArrayList<>(measured(evaluation, FitnessComponent.BALANCE_AGILITY));
        evaluation.fallRisk().flags().forEach(f -> measurements.add("fall-risk flag " + f.flag() + ": " + f.code() + " "
                + f.value().toPlainString() + " (" + f.rule() + ", " + f.source() + ")"));
        List<Plan.Reason> reasons = List.of(new Plan.Reason("WHO2020-BALANCE", "WHO 2020: older adults do varied"
                + " multicomponent activity emphasising functional balance and strength on 3 or more days a week to"
                + " prevent falls" + (atRisk ? "; fall risk " + fallRisk + " makes it the first priority." : "."),
                measurements));
        String balanceProgram = programs.stream().filter(p -> p.code().equals("BALANCE"))
                .map(p -> ", 키오스크 밸런스 " + p.level() + "단계").findFirst().orElse("");
        return new Plan.ComponentPlan("BALANCE", "균형 운동", atRisk ? "주 3일 이상 (매일 하면 더 좋음)" : "주 3일 이상",
                atRisk ? "흔들려도 넘어지지 않을 만큼, 의자나 벽을 잡고" : "흔들려도 넘어지지 않을 만큼",
                "10-15분", "한 발로 서기, 일자로 걷기" + (paused ? "" : balanceProgram), "주 3회 이상",
                "잡는 손을 두 손 → 한 손 → 손가락 → 떼기 순서로 줄여요",
                atRisk ? "의자를 잡고 한 발로 서기를 10초씩, 매일 해요." : "한 발로 서기와 일자로 걷기를 일주일에 3번 해요.",
                List.of("의자 잡고 한 발로 서기", "일자로 걷기"), reasons);
    }

    private static Plan.ComponentPlan flexibility(Evaluation evaluation) {
        List<Plan.Reason> reasons = List.of(new Plan.Reason("ACSM-FLEX", "ACSM: flexibility on 2 or more days a"
                + " week, each stretch held 30-60 s to a feeling of tightness, 2-4 times.",
                measured(evaluation, FitnessComponent.FLEXIBILITY)));
        return new Plan.ComponentPlan("FLEXIBILITY", "유연성 운동", "주 2일 이상 (매일 좋음)",
                "당기는 느낌까지, 아프지 않게", "한 동작 30-60초, 2-4번", "의자에 앉아 다리 뒤 늘리기, 종아리 늘리기",
                "하루 약 10분", "늘리는 시간을 60초까지 늘려요",
                "운동 뒤에 다리 뒤를 30초씩 늘려요.", List.of("의자에 앉아 다리 뒤 늘리기", "벽 짚고 종아리 늘리기"),
                reasons);
    }
}
