package kr.smartsenior.server.prescription;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.server.fitness.ComponentStatus;
import kr.smartsenior.server.fitness.Evaluation;
import kr.smartsenior.server.fitness.FallRiskLevel;
import kr.smartsenior.server.fitness.FitnessComponent;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.fitness.TrendDirection;
import kr.smartsenior.server.screening.Clearance;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.screening.ScreeningStatus;

/**
 * The prescription rules (pure: the same inputs always give the same plan). Grounded in WHO 2020
 * guidelines on physical activity for older adults and ACSM's FITT-VP guidance; the safety and
 * progression rules are this project's, each named (rule ids in docs/fitness-norms.md).
 */
final class PrescriptionRules {

    static final String RULESET = "2026-12.1";
    static final int MAX_LEVEL = RestrictionCode.MAX_LEVEL;
    /** Adherence is judged on the sessions of the last two weeks (since the level was set). */
    static final Duration ADHERENCE_WINDOW = Duration.ofDays(14);
    /** Sessions at (or above) the current level in the window needed to move up: 2 a week. */
    static final int ADHERENCE_MIN_SESSIONS = 4;
    /**
     * Borg CR10 after a session: 7 and above is "very hard" (ACSM: vigorous is 7-8 on the 0-10 scale,
     * moderate 5-6), so a level rated like that is not yet tolerated and does not go up.
     */
    static final int EFFORT_HARD = 7;
    /** CR10 9-10: near maximal ("extremely hard"); repeated, the level goes down. */
    static final int EFFORT_VERY_HARD = 9;
    /** How many of the latest ratings at the level are looked at. */
    static final int EFFORT_RECENT = 3;
    /** Very hard ratings among the recent ones that take the level down. */
    static final int EFFORT_REPEATED = 2;
    /** Balance-challenging exercise a week, kiosk and home together: 2-3 hours (Sherrington 2017/2020). */
    static final int BALANCE_MINUTES_PER_WEEK = 120;
    static final int BALANCE_MINUTES_PER_WEEK_AIM = 180;
    /** Home balance days a week: most days (WHO 2020 asks for 3 or more; volume needs more). */
    static final int BALANCE_HOME_DAYS = 6;

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
        Plan.Basis basis = new Plan.Basis(screeningBasis(screening),
                bloodPressureKorean(screening.bloodPressure()) + " (" + screening.bloodPressure().name() + ")"
                        + (screening.screening() != null && screening.screening().systolic() != null
                        ? ", " + screening.screening().systolic() + "/" + screening.screening().diastolic() + " mmHg"
                        : ""),
                fallRiskKorean(evaluation.fallRisk().level()) + " (" + evaluation.fallRisk().level().name() + ")",
                evaluation.components().stream().map(c -> c.component().korean() + " (" + c.component() + "): "
                        + statusKorean(c.status()) + ", " + trendKorean(c.trend())).toList(),
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
                    "건강 질문(안전 확인) 기록 없음: 기록할 때까지 가벼운 운동만 (인터벌 없음, 스텝 & 점프 1단계,"
                            + " 밸런스 2단계까지)."));
            case EXPIRED -> restrictions.add(lowIntensity(caps, "SAFE-SCREEN",
                    "건강 질문을 받은 지 1년이 지났어요. 다시 받을 때까지 가벼운 운동만 해요.",
                    "마지막 건강 질문이 12개월보다 오래됨: 다시 받을 때까지 가벼운 운동만."));
            case NEEDS_CLEARANCE -> restrictions.add(lowIntensity(caps, "SAFE-SCREEN",
                    "건강 질문에 '예'가 있어 가벼운 운동만 해요. 선생님이 확인하면 바뀌어요.",
                    "건강 질문 '예' " + questionsKorean(screening.answeredYes()) + ": 담당 의료진이 동의했다는"
                            + " 확인(의료진 이름, 날짜)을 직원이 기록할 때까지 가벼운 운동만."));
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
                        "안정 시 혈압 " + ScreeningStatus.SEVERE_SYSTOLIC + "/" + ScreeningStatus.SEVERE_DIASTOLIC
                                + " mmHg 이상" + bp + ": 더 낮은 혈압이 기록될 때까지 키오스크 운동 없음, 가벼운"
                                + " 걷기와 스트레칭만 (프로젝트 규칙).",
                        "SAFE-BP-SEVERE"));
            }
            case HIGH -> {
                restrictions.add(restrict(caps, RestrictionCode.BP_HIGH,
                        "혈압이 높은 편이라 힘든 운동(인터벌)은 하지 않아요.",
                        "안정 시 혈압 " + ScreeningStatus.HIGH_SYSTOLIC + "/" + ScreeningStatus.HIGH_DIASTOLIC
                                + " mmHg 이상" + bp + " (국민체력100은 이보다 낮을 때만 측정): 더 낮은 혈압이 기록될"
                                + " 때까지 격한 운동 없음 (인터벌 없음, 스텝 & 점프 1단계).",
                        "SAFE-BP-HIGH"));
            }
            case UNKNOWN, NORMAL -> {
            }
        }
        FallRiskLevel fallRisk = evaluation.fallRisk().level();
        String flags = evaluation.fallRisk().flags().isEmpty() ? ""
                : "(" + String.join("; ", evaluation.fallRisk().flags().stream().map(Evaluation.FallRiskFlag::korean)
                        .toList()) + ")";
        if (fallRisk == FallRiskLevel.HIGH) {
            restrictions.add(restrict(caps, RestrictionCode.FALL_HIGH,
                    "넘어질 위험이 있어 인터벌, 점프, 빠르게 걷기는 하지 않고, 의자를 잡고 하는 근력·균형 운동을 먼저"
                            + " 해요.",
                    "낙상 위험 높음 " + flags + ": 인터벌 없음, 점프 없음 (스텝 & 점프 1단계), 밸런스 2단계까지,"
                            + " 빠르게 걷기 대신 평소 걸음 (Sherrington 2011), 오타고(Otago)식 근력·균형 운동을 의자나"
                            + " 손잡이 옆에서.", "SAFE-FALL-HIGH"));
        }
        if (fallRisk == FallRiskLevel.HIGH || fallRisk == FallRiskLevel.ELEVATED) {
            restrictions.add(restrict(caps, RestrictionCode.FALL_SUPPORT,
                    "운동할 때는 의자나 손잡이를 잡고 하세요.",
                    "낙상 위험 " + fallRiskKorean(fallRisk) + " " + flags + ": 서서 하는 운동은 모두 의자나 손잡이"
                            + " 옆에서 잡고.",
                    "SAFE-FALL-SUPPORT"));
        }
        if (fallRisk == FallRiskLevel.NEEDS_CHECK && caps.get(KioskProgram.INTERVAL) > 0) {
            restrictions.add(restrict(caps, RestrictionCode.INTERVAL_UNTESTED,
                    "인터벌 운동은 균형 검사를 한 뒤에 시작해요.",
                    "낙상 위험 확인 필요 (" + String.join("; ", evaluation.fallRisk().missing())
                            + "): 확인될 때까지 인터벌 없음.", "SAFE-INTERVAL-UNTESTED"));
        }
        if (fallRisk != FallRiskLevel.LOW && caps.get(KioskProgram.INTERVAL) > 0) {
            restrictions.add(restrict(caps, RestrictionCode.INTERVAL_FALL_RISK,
                    "인터벌 운동은 넘어질 위험이 낮을 때만 해요.",
                    "낙상 위험 " + fallRiskKorean(fallRisk) + " " + flags + ": 고강도 인터벌은 낙상 위험 낮음이고"
                            + " 건강 질문이 문제 없음(또는 의료진 확인)일 때만.", "SAFE-INTERVAL-FALL"));
        }
        if (!screening.jumpsAllowed()
                && caps.get(KioskProgram.STEP_JUMP) > RestrictionCode.STEP_JUMP_HIGHEST_WITHOUT_JUMPS) {
            boolean fragile = screening.boneFragility().orElse(false);
            restrictions.add(restrict(caps, RestrictionCode.NO_JUMPS,
                    fragile ? "뼈를 보호하려고 점프는 하지 않아요."
                            : "뼈 건강 질문에 답하기 전에는 점프는 하지 않아요.",
                    (fragile ? "골다공증 또는 50세 이후 골절 '예'" : "뼈 건강 질문(골다공증, 50세 이후 골절) 답 없음")
                            + ": 점프가 있는 스텝 & 점프 단계 없음 ("
                            + RestrictionCode.STEP_JUMP_HIGHEST_WITHOUT_JUMPS + "단계까지), '아니요'가 기록될 때까지.",
                    "SAFE-BONE-NO-JUMP"));
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
            List<Result> efforts = recentEfforts(history, program, previousLevel, since, now);
            List<Result> hard = efforts.stream().filter(e -> effort(e) >= EFFORT_HARD).toList();
            List<Result> veryHard = efforts.stream().filter(e -> effort(e) >= EFFORT_VERY_HARD).toList();
            String korean = program.component().korean();
            if (symptom.isPresent()) {
                level = Math.max(1, previousLevel - 1);
                change = level < previousLevel ? "DOWN" : "HOLD";
                reasons.add(new Plan.Reason("PROG-DOWN-SYMPTOM", "단계를 정한 뒤 증상으로 일찍 멈춘 운동이 있어 한"
                        + " 단계 내림 (1단계 아래로는 안 내림). 직원은 어떤 증상이었는지 물어보세요.",
                        List.of(describe(symptom.get()))));
            } else if (veryHard.size() >= EFFORT_REPEATED) {
                level = Math.max(1, previousLevel - 1);
                change = level < previousLevel ? "DOWN" : "HOLD";
                reasons.add(new Plan.Reason("PROG-DOWN-EFFORT", "이 단계의 최근 힘든 정도 " + EFFORT_RECENT
                        + "번 중 " + EFFORT_REPEATED + "번 이상이 " + EFFORT_VERY_HARD + " 이상 (Borg CR10, 거의 최대):"
                        + " 견디기 어려운 강도라 한 단계 내림 (ACSM: 견딜 수 있는 만큼 올림).",
                        efforts.stream().map(PrescriptionRules::describeEffort).toList()));
            } else if (!declined.isEmpty()) {
                level = Math.max(1, previousLevel - 1);
                change = level < previousLevel ? "DOWN" : "HOLD";
                reasons.add(new Plan.Reason("PROG-DOWN-DECLINE", "단계를 정한 뒤 " + korean
                        + " 검사 결과가 측정 오차보다 크게 나빠져 한 단계 내림.", declined));
            } else if (atLevel >= ADHERENCE_MIN_SESSIONS && !improved.isEmpty() && !hard.isEmpty()) {
                List<String> evidence = new ArrayList<>(improved);
                evidence.add("최근 " + ADHERENCE_WINDOW.toDays() + "일 동안 " + previousLevel + "단계 이상 " + atLevel
                        + "번");
                hard.forEach(e -> evidence.add(describeEffort(e)));
                reasons.add(new Plan.Reason("PROG-HOLD-EFFORT", "횟수와 검사는 올릴 만하지만, 이 단계의 최근 힘든 정도에"
                        + " " + EFFORT_HARD + " 이상 (Borg CR10 '매우 힘듦')이 있어 그대로 둠: 아직 이 강도에 익숙해지지"
                        + " 않음 (ACSM: 견딜 수 있는 만큼 올림).", evidence));
            } else if (atLevel >= ADHERENCE_MIN_SESSIONS && !improved.isEmpty()) {
                level = Math.min(MAX_LEVEL, previousLevel + 1);
                change = level > previousLevel ? "UP" : "HOLD";
                List<String> evidence = new ArrayList<>(improved);
                evidence.add("최근 " + ADHERENCE_WINDOW.toDays() + "일 동안 " + previousLevel + "단계 이상 " + atLevel
                        + "번");
                efforts.forEach(e -> evidence.add(describeEffort(e)));
                reasons.add(new Plan.Reason("PROG-UP", "둘 다 충족: " + ADHERENCE_WINDOW.toDays() + "일 동안 이 단계"
                        + " 이상 " + ADHERENCE_MIN_SESSIONS + "번 이상, 그리고 단계를 정한 뒤 " + korean
                        + " 검사가 측정 오차보다 크게 좋아짐; 최근 힘든 정도는 " + EFFORT_HARD + " 미만.", evidence));
            } else {
                reasons.add(new Plan.Reason("PROG-HOLD", "단계 유지: 올리려면 " + ADHERENCE_WINDOW.toDays()
                        + "일 동안 이 단계 이상 " + ADHERENCE_MIN_SESSIONS + "번 이상, 그리고 단계를 정한 뒤 " + korean
                        + " 검사가 좋아져야 함.",
                        List.of("기간 안에 " + previousLevel + "단계 이상 " + atLevel + "번",
                                improved.isEmpty() ? since.toLocalDate() + " 이후 좋아진 검사 없음"
                                        : "좋아진 검사: " + improved)));
            }
            if (level != previousLevel) {
                since = now;
            }
        }
        if (cap == 0) {
            return Optional.empty();
        }
        if (level > cap) {
            reasons.add(new Plan.Reason("CAP", "안전 제한 때문에 " + program.korean() + "은(는) " + cap
                    + "단계까지 (제한 참고).", List.of()));
            level = cap;
            change = "CAPPED";
            since = now;
        }
        String seniorLine = "%s %d단계를 %d분, 일주일에 %d번 해요.".formatted(program.korean(), level,
                program.minutes(level), program.perWeek());
        reasons.addFirst(new Plan.Reason("KIOSK-" + program.name(), program.component().korean() + ": "
                + statusKorean(component.status()) + ", " + trendKorean(component.trend()), component.basis()));
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
                reasons.add(new Plan.Reason("START-LEVEL", "시작 단계는 심폐지구력으로: 기준 미달이나 측정 없음 1,"
                        + " 기준 범위 2, 기준 이상 3.", List.of("심폐지구력 " + statusKorean(status))));
                yield Optional.of(level);
            }
            case BALANCE -> {
                int level = fallRisk == FallRiskLevel.HIGH || fallRisk == FallRiskLevel.ELEVATED ? 1 : switch (status) {
                    case GOOD -> 3;
                    case OK -> 2;
                    default -> 1;
                };
                reasons.add(new Plan.Reason("START-LEVEL", "시작 단계는 평형성과 낙상 위험으로: 낙상 위험 표시가 하나라도"
                        + " 있거나 평형성이 기준 미달·측정 없음 1, 기준 범위 2, 기준 이상 3.",
                        List.of("평형성·민첩성 " + statusKorean(status), "낙상 위험 " + fallRiskKorean(fallRisk))));
                yield Optional.of(level);
            }
            case INTERVAL -> {
                ComponentStatus strength = evaluation.component(FitnessComponent.STRENGTH).status();
                boolean ready = fallRisk == FallRiskLevel.LOW && isOkOrGood(status) && isOkOrGood(strength);
                if (!ready) {
                    yield Optional.empty();
                }
                int level = status == ComponentStatus.GOOD && strength == ComponentStatus.GOOD ? 2 : 1;
                reasons.add(new Plan.Reason("START-LEVEL", "인터벌은 낙상 위험이 낮고 심폐지구력과 근력이 기준 범위"
                        + " 이상일 때만: 1단계 (둘 다 기준 이상이면 2).",
                        List.of("심폐지구력 " + statusKorean(status), "근력 " + statusKorean(strength),
                                "낙상 위험 " + fallRiskKorean(fallRisk))));
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

    /**
     * The latest {@link #EFFORT_RECENT} effort ratings (Borg CR10, {@code EXERCISE_EFFORT}) of this
     * program at this level since the level was set, newest first. A rating without a level counts.
     */
    static List<Result> recentEfforts(List<Result> history, KioskProgram program, int level, OffsetDateTime since,
            OffsetDateTime now) {
        return history.stream()
                .filter(r -> r.code().equals(MeasurementCode.EXERCISE_EFFORT.name()))
                .filter(r -> program.name().equals(r.detail().get(RecordDetail.PROGRAM)))
                .filter(r -> sessionLevel(r).map(l -> l == level).orElse(true))
                .filter(r -> !r.takenAt().isBefore(since) && !r.takenAt().isAfter(now))
                .sorted(Comparator.comparing(Result::takenAt).reversed())
                .limit(EFFORT_RECENT).toList();
    }

    private static int effort(Result rating) {
        return rating.value().intValue();
    }

    static boolean stoppedWithSymptom(Result session) {
        Object stopped = session.detail().get(RecordDetail.STOPPED_EARLY);
        Object symptom = session.detail().get(RecordDetail.SYMPTOM);
        return Boolean.TRUE.equals(stopped) && symptom instanceof String text && !text.isBlank();
    }

    static Optional<Integer> sessionLevel(Result session) {
        return session.detail().get(RecordDetail.LEVEL) instanceof Number number ? Optional.of(number.intValue())
                : Optional.empty();
    }

    private static List<String> componentTests(Evaluation evaluation, FitnessComponent component,
            TrendDirection direction, OffsetDateTime since) {
        List<String> found = new ArrayList<>();
        for (MeasurementCode code : component.tests()) {
            evaluation.result(code.name())
                    .filter(r -> r.current() && r.trend().direction() == direction && r.takenAt().isAfter(since))
                    .ifPresent(r -> found.add("%s %s%s (%s), 이전 %s: 변화 %s, 기준 %s 초과%s".formatted(
                            r.name(), r.value().toPlainString(), unitKorean(r.unit()), r.takenAt().toLocalDate(),
                            r.trend().baseline().toPlainString(), r.trend().change().toPlainString(),
                            r.trend().threshold().toPlainString(), r.trend().provisional() ? " (잠정)" : "")));
        }
        return found;
    }

    /** A catalogue code as staff read it ("스텝 & 점프"); an unknown one as it came. */
    private static String koreanName(String code) {
        return MeasurementCode.fromWire(code).map(MeasurementCode::koreanName).orElse(code);
    }

    /** The unit as written after a number: "회" and "초" joined, others spaced (" kg"). */
    private static String unitKorean(String unit) {
        return switch (unit) {
            case "count" -> "회";
            case "s" -> "초";
            default -> unit == null || unit.isEmpty() ? "" : " " + unit;
        };
    }

    private static String describe(Result session) {
        return "%s 운동 %s: 일찍 멈춤, 증상 '%s'".formatted(koreanName(session.code()), session.takenAt().toLocalDate(),
                session.detail().get(RecordDetail.SYMPTOM));
    }

    private static String describeEffort(Result rating) {
        return "힘든 정도 %d/10 (%s %s단계, %s)".formatted(effort(rating),
                koreanName(String.valueOf(rating.detail().get(RecordDetail.PROGRAM))),
                sessionLevel(rating).map(String::valueOf).orElse("?"), rating.takenAt().toLocalDate());
    }

    // --- Korean labels for staff ----------------------------------------------------------------

    static String statusKorean(ComponentStatus status) {
        return switch (status) {
            case NO_DATA -> "측정 없음";
            case NEEDS_WORK -> "기준 미달";
            case OK -> "기준 범위";
            case GOOD -> "기준 이상";
        };
    }

    static String trendKorean(TrendDirection trend) {
        return switch (trend) {
            case FIRST -> "첫 측정";
            case STABLE -> "변화 없음";
            case IMPROVED -> "좋아짐";
            case DECLINED -> "나빠짐";
            case INCREASED -> "늘어남";
            case DECREASED -> "줄어듦";
            case NOT_ASSESSED -> "변화 판단 안 함";
        };
    }

    static String fallRiskKorean(FallRiskLevel level) {
        return switch (level) {
            case LOW -> "낮음";
            case ELEVATED -> "주의";
            case HIGH -> "높음";
            default -> "확인 필요";
        };
    }

    private static String bloodPressureKorean(ScreeningStatus.BloodPressure bloodPressure) {
        return switch (bloodPressure) {
            case UNKNOWN -> "혈압 기록 없음";
            case NORMAL -> "혈압 기준 안";
            case HIGH -> "혈압 높음";
            case SEVERE -> "혈압 매우 높음";
        };
    }

    /** "(심장병·고혈압, 가슴 통증)": the questions in staff's words, no codes. */
    private static String questionsKorean(List<ScreeningQuestion> questions) {
        return "(" + String.join(", ", questions.stream().map(ScreeningQuestion::shortKorean).toList()) + ")";
    }

    private static String screeningBasis(ScreeningStatus screening) {
        String state = switch (screening.state()) {
            case NOT_SCREENED -> "건강 질문 없음";
            case EXPIRED -> "건강 질문 12개월 지남";
            case CLEAR -> "건강 질문 모두 '아니요'";
            case CLEARED_BY_STAFF -> "건강 질문 '예' " + questionsKorean(screening.answeredYes()) + ", 확인 기록 있음";
            case NEEDS_CLEARANCE -> "건강 질문 '예' " + questionsKorean(screening.answeredYes()) + ", 확인 필요";
        };
        Clearance clearance = screening.screening() == null ? null : screening.screening().clearance();
        String cleared = clearance == null || screening.state() != ScreeningStatus.State.CLEARED_BY_STAFF ? ""
                : " (의료진 " + clearance.clinician() + " " + clearance.agreedOn() + " 동의, 직원 " + clearance.clearedBy()
                        + " 기록)";
        String bone = screening.boneFragility().map(fragile -> fragile ? "뼈 건강 '예' (점프 없음)" : "뼈 건강 '아니요'")
                .orElse("뼈 건강 답 없음 (점프 없음)");
        return state + cleared + "; " + bone + " [" + screening.state().name() + "]";
    }

    // --- FITT-VP per component -----------------------------------------------------------------

    /**
     * Strength exercises, chair-based (Otago Exercise Programme strength set and Senior Fitness Test
     * style): each named, the 8-10 of ACSM/WHO counted out. Standing ones hold the back of a chair.
     */
    static final List<String> STRENGTH_EXERCISES = List.of("의자에서 앉았다 일어서기", "앉아서 무릎 펴기",
            "의자 잡고 서서 무릎 굽히기", "의자 잡고 옆으로 다리 들기", "의자 잡고 발뒤꿈치 들기", "의자 잡고 발끝 들기",
            "벽 밀기 (벽 팔굽혀펴기)", "물병 들고 팔 굽히기", "물병 들고 팔 위로 올리기");
    /** Otago balance retraining, every one next to a kitchen bench or a chair (at fall risk). */
    static final List<String> BALANCE_SUPPORTED = List.of("의자 잡고 무릎 살짝 굽혔다 펴기", "싱크대 잡고 옆으로 걷기",
            "싱크대 잡고 일자로 서기 (한 발 앞에 다른 발)", "싱크대 잡고 한 발로 서기", "싱크대 잡고 발끝으로 걷기",
            "싱크대 잡고 발뒤꿈치로 걷기");
    /** Otago balance retraining without support, for seniors at low fall risk. */
    static final List<String> BALANCE_FREE = List.of("한 발로 서기", "일자로 걷기 (한 발 앞에 다른 발)", "뒤로 걷기",
            "걷다가 돌아서기", "발끝으로 걷기", "발뒤꿈치로 걷기");

    private static List<String> measured(Evaluation evaluation, FitnessComponent component) {
        return evaluation.component(component).basis().isEmpty()
                ? List.of(component.korean() + ": 최근 결과 없음")
                : evaluation.component(component).basis();
    }

    private static boolean atFallRisk(Evaluation evaluation) {
        FallRiskLevel fallRisk = evaluation.fallRisk().level();
        return fallRisk == FallRiskLevel.HIGH || fallRisk == FallRiskLevel.ELEVATED;
    }

    private static Plan.ComponentPlan aerobic(Evaluation evaluation, List<Plan.ProgramLevel> programs,
            boolean lowIntensity, boolean paused) {
        ComponentStatus status = evaluation.component(FitnessComponent.ENDURANCE).status();
        boolean start = status == ComponentStatus.NEEDS_WORK || status == ComponentStatus.NO_DATA;
        List<Plan.Reason> reasons = new ArrayList<>();
        reasons.add(new Plan.Reason("WHO2020-AEROBIC", "WHO 2020: 노인은 중강도 유산소 운동을 주 150-300분 (또는 고강도"
                + " 75-150분); 강도는 대화 시험이나 RPE 12-14 (ACSM).", measured(evaluation, FitnessComponent.ENDURANCE)));
        if (paused) {
            return new Plan.ComponentPlan("AEROBIC", "유산소 운동", "매일 조금씩", "가볍게 (RPE 9-11)", "10분씩",
                    "평소처럼 걷기", "무리하지 않기", "혈압을 다시 잰 뒤 정해요",
                    "평소처럼 가볍게 걸으세요. 힘든 운동은 쉬어요.", List.of("가볍게 걷기"), reasons);
        }
        String stepJump = programs.stream().filter(p -> p.code().equals("STEP_JUMP"))
                .map(p -> ", 키오스크 스텝 & 점프 " + p.level() + "단계").findFirst().orElse("");
        if (start) {
            reasons.add(new Plan.Reason("AEROBIC-START", "심폐지구력이 기준 미달이거나 측정 없음: 하루 10-15분, 주 3일로"
                    + " 시작해 주 150분까지 늘림.", List.of("심폐지구력 " + statusKorean(status))));
        }
        if (lowIntensity) {
            reasons.add(new Plan.Reason("SAFE-SCREEN", "건강 질문 제한으로 가벼운~중간 강도만 (제한 참고).", List.of()));
        }
        if (atFallRisk(evaluation)) {
            reasons.add(new Plan.Reason("AEROBIC-FALL-RISK", "낙상 위험 " + fallRiskKorean(evaluation.fallRisk().level())
                    + ": 빠르게 걷기 대신 평소 걸음으로 (Sherrington 2011: 빠르게 걷기 프로그램은 낙상 위험이 높은 사람에게"
                    + " 권하지 않음; 오타고 프로그램의 걷기는 평소 속도로 주 2-3번, 30분까지).",
                    List.of("낙상 위험 " + fallRiskKorean(evaluation.fallRisk().level()))));
            return new Plan.ComponentPlan("AEROBIC", "유산소 운동", start ? "주 2일에서 시작해 주 5일까지" : "주 3-5일",
                    "가볍게~중간 (평소 걸음, 대화가 편한 정도, RPE 11-12)",
                    start ? "하루 10분에서 시작 (나눠서 해도 됨)" : "하루 30분까지 (10분씩 나눠도 됨)",
                    "평소 걸음으로 걷기 (빠르게 걷기 아님), 필요하면 지팡이·보행기와 함께" + stepJump,
                    "주 150분을 향해 천천히 (WHO 2020: 150-300분)", "2주마다 한 번에 5분씩 늘려 하루 30분까지",
                    start ? "평소 걸음으로 하루 10분, 일주일에 2-3번 걸어요. 빠르게 걷지는 마세요."
                            : "평소 걸음으로 하루 30분까지, 일주일에 3-5번 걸어요. 빠르게 걷지는 마세요.",
                    List.of("평소 걸음으로 걷기", "의자 잡고 제자리 걷기"), reasons);
        }
        String intensity = lowIntensity ? "가볍게~중간 (대화가 편한 정도, RPE 11-12)"
                : "중간 (말은 할 수 있지만 노래는 어려운 정도, RPE 12-14)";
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
        boolean support = atFallRisk(evaluation);
        List<Plan.Reason> reasons = new ArrayList<>();
        reasons.add(new Plan.Reason("WHO2020-STRENGTH", "WHO 2020: 큰 근육을 쓰는 근력 운동을 주 2일 이상; ACSM: 8-10동작,"
                + " 8-12회를 RPE 12-14로, 1-3세트, 이틀 연속은 쉬기. 동작은 오타고 프로그램·노인체력검사(SFT) 식의 의자"
                + " 운동 " + STRENGTH_EXERCISES.size() + "가지.", measured(evaluation, FitnessComponent.STRENGTH)));
        if (support) {
            reasons.add(new Plan.Reason("OTAGO-STRENGTH", "낙상 위험 " + fallRiskKorean(evaluation.fallRisk().level())
                    + ": 오타고식 근력 운동을 서서 할 때는 모두 의자 등받이를 잡고 (Sherrington 2019/2020).",
                    List.of("낙상 위험 " + fallRiskKorean(evaluation.fallRisk().level()))));
        }
        if (paused) {
            return new Plan.ComponentPlan("STRENGTH", "근력 운동", "쉬기", "-", "-", "-", "-",
                    "혈압을 다시 잰 뒤 정해요", "근력 운동은 잠시 쉬어요.", List.of(), reasons);
        }
        int count = STRENGTH_EXERCISES.size();
        return new Plan.ComponentPlan("STRENGTH", "근력 운동", "주 2-3일 (이틀 연속은 쉬기)",
                "조금 힘든 정도 (RPE 12-14), 마지막 몇 번이 힘든 무게",
                "20-30분", String.join(", ", STRENGTH_EXERCISES),
                start ? count + "동작, 10회 1세트" : count + "동작, 10-12회 2세트",
                "12회가 쉬워지면 세트를 하나 늘려요 (최대 3세트)",
                (support ? "의자를 잡고, " : "") + "의자에서 일어서기부터 팔 올리기까지 " + count
                        + "가지 동작을 10번씩, 일주일에 2-3번 해요.",
                STRENGTH_EXERCISES, List.copyOf(reasons));
    }

    private static Plan.ComponentPlan balance(Evaluation evaluation, List<Plan.ProgramLevel> programs, boolean paused) {
        FallRiskLevel fallRisk = evaluation.fallRisk().level();
        boolean atRisk = atFallRisk(evaluation);
        List<String> measurements = new ArrayList<>(measured(evaluation, FitnessComponent.BALANCE_AGILITY));
        evaluation.fallRisk().flags().forEach(f -> measurements.add("낙상 위험 표시: " + f.korean()));
        Optional<Plan.ProgramLevel> kiosk = paused ? Optional.empty()
                : programs.stream().filter(p -> p.code().equals("BALANCE")).findFirst();
        int kioskMinutes = kiosk.map(p -> p.minutes() * p.perWeek()).orElse(0);
        int homeDaily = roundUpTo5(Math.max(0, BALANCE_MINUTES_PER_WEEK - kioskMinutes), BALANCE_HOME_DAYS);
        int weekly = kioskMinutes + homeDaily * BALANCE_HOME_DAYS;
        List<Plan.Reason> reasons = List.of(new Plan.Reason("WHO2020-BALANCE", "WHO 2020: 낙상 예방을 위해 기능적 균형과"
                + " 근력을 강조한 복합 운동을 주 3일 이상" + (atRisk ? "; 낙상 위험 " + fallRiskKorean(fallRisk)
                + "이라 가장 먼저 하고, 오타고식으로 의자나 싱크대를 잡고." : "."), measurements),
                new Plan.Reason("BALANCE-VOLUME", "균형 운동은 주 2-3시간 (Sherrington 2017: 주 3시간 이상 균형에 도전하는"
                        + " 운동이 낙상을 가장 많이 줄임; Sherrington 2019/2020, WHO 2020): 키오스크 밸런스 주 " + kioskMinutes
                        + "분 + 집에서 하루 " + homeDaily + "분씩 주 " + BALANCE_HOME_DAYS + "일 = 주 " + weekly + "분.",
                        List.of("키오스크 밸런스 " + kiosk.map(p -> p.level() + "단계 " + p.minutes() + "분 × 주 "
                                + p.perWeek() + "번").orElse("없음"))));
        List<String> home = atRisk ? BALANCE_SUPPORTED : BALANCE_FREE;
        String balanceProgram = kiosk.map(p -> ", 키오스크 밸런스 " + p.level() + "단계").orElse("");
        return new Plan.ComponentPlan("BALANCE", "균형 운동", "매일 (집에서 주 " + BALANCE_HOME_DAYS + "일"
                        + (kiosk.isPresent() ? " + 키오스크" : "") + ")",
                atRisk ? "흔들려도 넘어지지 않을 만큼, 의자나 싱크대를 잡고" : "흔들려도 넘어지지 않을 만큼",
                "집에서 하루 " + homeDaily + "분", String.join(", ", home) + balanceProgram,
                "주 " + weekly + "분 (목표 주 " + BALANCE_MINUTES_PER_WEEK / 60 + "-" + BALANCE_MINUTES_PER_WEEK_AIM / 60
                        + "시간)",
                atRisk ? "잡는 손을 두 손 → 한 손 → 손가락 순서로 줄여요 (혼자 있을 때는 떼지 않아요)"
                        : "잡는 손을 두 손 → 한 손 → 손가락 → 떼기 순서로 줄여요",
                atRisk ? "싱크대나 의자를 잡고 균형 운동을 하루 " + homeDaily + "분, 거의 매일 해요."
                        : "한 발로 서기, 일자로 걷기 같은 균형 운동을 하루 " + homeDaily + "분, 거의 매일 해요.",
                home, reasons);
    }

    /** Minutes a day, rounded up to 5, for this many minutes a week over these days. */
    private static int roundUpTo5(int minutesPerWeek, int days) {
        int daily = (minutesPerWeek + days - 1) / days;
        return (daily + 4) / 5 * 5;
    }

    private static Plan.ComponentPlan flexibility(Evaluation evaluation) {
        List<Plan.Reason> reasons = List.of(new Plan.Reason("ACSM-FLEX", "ACSM: 유연성 운동은 주 2일 이상, 한 동작을"
                + " 당기는 느낌까지 30-60초씩 2-4번.", measured(evaluation, FitnessComponent.FLEXIBILITY)));
        return new Plan.ComponentPlan("FLEXIBILITY", "유연성 운동", "주 2일 이상 (매일 좋음)",
                "당기는 느낌까지, 아프지 않게", "한 동작 30-60초, 2-4번", "의자에 앉아 다리 뒤 늘리기, 종아리 늘리기",
                "하루 약 10분", "늘리는 시간을 60초까지 늘려요",
                "운동 뒤에 다리 뒤를 30초씩 늘려요.", List.of("의자에 앉아 다리 뒤 늘리기", "벽 짚고 종아리 늘리기"),
                reasons);
    }
}
