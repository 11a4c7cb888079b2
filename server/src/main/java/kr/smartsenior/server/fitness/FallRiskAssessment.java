package kr.smartsenior.server.fitness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.springframework.stereotype.Component;

/**
 * Fall risk (낙상 위험) from CDC STEADI's three key questions in the latest screening and the
 * fall-risk tests of the last 12 months ({@code fall-risk-cutoffs.csv}); rules and sources in
 * {@code docs/fitness-norms.md} section 2.
 *
 * <ul>
 * <li>A test result raises its flags; a result of a superseded (or unknown) procedure may raise a
 * flag (the earlier procedures all read better than the truth) but never counts toward "낮음"; a
 * supported one-leg stance counts toward nothing here.</li>
 * <li>A "yes" to any key question: screened at risk, at least ELEVATED; a fall in the past year
 * together with a test flag: HIGH.</li>
 * <li>LOW only with a current TUG and unsupported one-leg stance by today's procedures, no flag, and a
 * screening of the last 12 months answering "no" to all three key questions; otherwise NEEDS_CHECK
 * with what is missing.</li>
 * <li>Flags of a test not yet validated against hand timing at the senior's site are marked
 * "검증 전" and still count.</li>
 * </ul>
 */
@Component
final class FallRiskAssessment {

    static final String STEADI = "CDC STEADI key questions (screened at risk if any yes)";
    static final String STEADI_FALL_AND_TEST = "CDC STEADI algorithm: a fall plus a gait, strength or balance problem"
            + " (number of falls and injury not asked here, so the higher category)";
    static final String NOT_VALIDATED = "검증 전";
    static final String EARLIER_PROCEDURE = "이전 절차로 측정 (실제 결과는 더 나빴을 수 있어요)";

    private final NormTables norms;
    private final FallScreening screening;
    private final KioskValidation validation;

    FallRiskAssessment(NormTables norms, FallScreening screening, KioskValidation validation) {
        this.norms = norms;
        this.screening = screening;
        this.validation = validation;
    }

    /** How a record may be used here, from how it was taken. */
    enum Standing {
        /** today's procedure (or no protocol id, graded as the catalogue's procedure): raises and counts */
        COUNTS,
        /** a superseded or unknown procedure of this test: may raise a flag, never counts toward LOW */
        RAISES_ONLY,
        /** another procedure (the supported one-leg stance): not used for fall risk at all */
        IGNORED
    }

    static Standing standing(MeasurementCode code, Map<String, Object> detail) {
        MeasurementProtocol.Reading reading = MeasurementProtocol.read(detail == null ? null
                : detail.get(RecordDetail.PROTOCOL));
        return switch (reading) {
            case MeasurementProtocol.Reading.Absent absent -> Standing.COUNTS;
            case MeasurementProtocol.Reading.Known known -> known.protocol() == MeasurementProtocol.of(code)
                    ? Standing.COUNTS : Standing.IGNORED;
            case MeasurementProtocol.Reading.Superseded superseded -> superseded.protocol().code() == code
                    ? Standing.RAISES_ONLY : Standing.IGNORED;
            case MeasurementProtocol.Reading.OtherVersion other -> other.protocol().code() == code
                    ? Standing.RAISES_ONLY : Standing.IGNORED;
            case MeasurementProtocol.Reading.Unknown unknown -> Standing.RAISES_ONLY;
        };
    }

    /**
     * The fall risk of this senior as of {@code now} from their stored records (every record, of
     * every procedure), reading the latest screening and the site's validation.
     */
    Evaluation.FallRisk assess(Senior senior, List<Result> results, Instant now) {
        Optional<FallScreening.KeyAnswers> answers = screening == null ? Optional.empty()
                : screening.latest(senior.id());
        Set<MeasurementCode> validated = validation == null ? Set.of() : validation.validatedAt(senior.siteId());
        return assess(senior, results, answers, validated, now);
    }

    /** The fall risk from these records, key answers and validated tests, as of {@code now}. */
    Evaluation.FallRisk assess(Senior senior, List<Result> results, Optional<FallScreening.KeyAnswers> answers,
            Set<MeasurementCode> validated, Instant now) {
        Map<MeasurementCode, List<Result>> tests = new EnumMap<>(MeasurementCode.class);
        for (Result result : results) {
            if (result.isTest()) {
                MeasurementCode.fromWire(result.code())
                        .ifPresent(code -> tests.computeIfAbsent(code, c -> new ArrayList<>()).add(result));
            }
        }
        Instant currentFrom = now.minus(Evaluator.CURRENT);
        List<Evaluation.FallRiskFlag> flags = new ArrayList<>();
        List<String> notMeasured = new ArrayList<>();
        List<MeasurementCode> counted = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (MeasurementCode code : cutoffCodes()) {
            List<Result> current = tests.getOrDefault(code, List.of()).stream()
                    .filter(r -> !r.takenAt().toInstant().isBefore(currentFrom)).toList();
            Result latestCounting = latest(current, code, Standing.COUNTS);
            Result latestRaising = latest(current, code, Standing.RAISES_ONLY);
            if (latestRaising != null && latestCounting != null
                    && !latestRaising.takenAt().isAfter(latestCounting.takenAt())) {
                latestRaising = null; // a later result by today's procedure stands
            }
            if (latestCounting == null && latestRaising == null) {
                notMeasured.add(code.name());
            }
            if (latestCounting != null) {
                flags.addAll(flags(code, latestCounting, false, senior, validated));
                counted.add(code);
            }
            if (latestRaising != null) {
                flags.addAll(flags(code, latestRaising, true, senior, validated));
            }
            if (code == MeasurementCode.TIMED_UP_AND_GO || code == MeasurementCode.ONE_LEG_STANCE) {
                if (latestCounting == null) {
                    missing.add(missingTest(code, current, latestRaising));
                }
            }
        }

        List<Evaluation.KeyAnswer> keyAnswers = new ArrayList<>();
        boolean screeningCurrent = answers.isPresent()
                && !answers.get().recordedAt().toInstant().isBefore(currentFrom);
        boolean fell = false;
        if (answers.isPresent()) {
            FallScreening.KeyAnswers a = answers.get();
            if (Boolean.TRUE.equals(a.fellPastYear())) {
                fell = screeningCurrent;
                keyAnswers.add(new Evaluation.KeyAnswer("FELL_PAST_YEAR", "지난 1년 안에 넘어진 적이 있어요",
                        a.recordedAt(), screeningCurrent ? FallRiskLevel.ELEVATED : FallRiskLevel.NEEDS_CHECK, STEADI));
            }
            if (Boolean.TRUE.equals(a.unsteady())) {
                keyAnswers.add(new Evaluation.KeyAnswer("UNSTEADY", "서 있거나 걸을 때 흔들린다고 답했어요",
                        a.recordedAt(), screeningCurrent ? FallRiskLevel.ELEVATED : FallRiskLevel.NEEDS_CHECK, STEADI));
            }
            if (Boolean.TRUE.equals(a.worriesAboutFalling())) {
                keyAnswers.add(new Evaluation.KeyAnswer("WORRIES_ABOUT_FALLING", "넘어질까 봐 걱정된다고 답했어요",
                        a.recordedAt(), screeningCurrent ? FallRiskLevel.ELEVATED : FallRiskLevel.NEEDS_CHECK, STEADI));
            }
        }
        if (answers.isEmpty() || !screeningCurrent) {
            missing.add("최근 1년 안에 낙상 질문(지난 1년 낙상, 흔들림, 낙상 걱정)에 답한 선별 검사가 없어요");
        } else if (!answers.get().complete()) {
            missing.add("마지막 선별 검사에서 낙상 질문 세 가지를 모두 묻지 않았어요. 다시 물어봐 주세요");
        }

        List<String> reasons = new ArrayList<>();
        FallRiskLevel level = null;
        for (Evaluation.FallRiskFlag flag : flags) {
            level = max(level, flag.level());
            reasons.add(flag.flag() + ": " + flag.code() + " " + flag.value().toPlainString() + " (" + flag.rule() + ")"
                    + (flag.note() == null ? "" : " [" + flag.note() + "]"));
        }
        for (Evaluation.KeyAnswer answer : keyAnswers) {
            if (answer.level() == FallRiskLevel.ELEVATED) {
                level = max(level, FallRiskLevel.ELEVATED);
                reasons.add("STEADI 선별 양성: " + answer.korean());
            }
        }
        if (fell && !flags.isEmpty()) {
            level = FallRiskLevel.HIGH;
            reasons.add("지난 1년 낙상과 검사 결과 위험 신호가 함께 있어요 (" + STEADI_FALL_AND_TEST + ")");
        }
        if (level == null) {
            boolean complete = counted.contains(MeasurementCode.TIMED_UP_AND_GO)
                    && counted.contains(MeasurementCode.ONE_LEG_STANCE) && screeningCurrent && answers.get().complete();
            level = complete ? FallRiskLevel.LOW : FallRiskLevel.NEEDS_CHECK;
            reasons.add(complete ? "최근 보행(TUG)과 한 발 서기 검사에서 위험 신호가 없고, 지난 1년 낙상이 없다고 답했어요"
                    : "위험 신호는 없지만 '낮음'으로 판단할 근거가 모자라요");
        }
        return new Evaluation.FallRisk(level, level.korean(), List.copyOf(flags), List.copyOf(keyAnswers),
                List.copyOf(reasons), List.copyOf(missing), List.copyOf(notMeasured));
    }

    private List<MeasurementCode> cutoffCodes() {
        List<MeasurementCode> codes = new ArrayList<>();
        for (NormTables.FallRiskCutoff cutoff : norms.fallRiskCutoffs()) {
            if (!codes.contains(cutoff.code())) {
                codes.add(cutoff.code());
            }
        }
        return codes;
    }

    private static Result latest(List<Result> results, MeasurementCode code, Standing standing) {
        Result latest = null;
        for (Result result : results) {
            if (standing(code, result.detail()) == standing
                    && (latest == null || !result.takenAt().isBefore(latest.takenAt()))) {
                latest = result;
            }
        }
        return latest;
    }

    private static String missingTest(MeasurementCode code, List<Result> current, Result raising) {
        String name = code == MeasurementCode.TIMED_UP_AND_GO ? "3m 표적 돌아오기(TUG)" : "한 발로 서기(지지 없이)";
        if (raising != null) {
            String protocol = String.valueOf(raising.detail().get(RecordDetail.PROTOCOL));
            return name + " 최근 결과가 이전 절차(" + (protocol.length() > 40 ? protocol.substring(0, 40) + "…" : protocol)
                    + ")로 측정되어 '낮음'의 근거가 될 수 없어요. 지금 절차로 다시 측정해 주세요";
        }
        boolean supportedOnly = code == MeasurementCode.ONE_LEG_STANCE && current.stream()
                .anyMatch(r -> standing(code, r.detail()) == Standing.IGNORED);
        if (supportedOnly) {
            return "한 발로 서기를 의자를 잡고(지지) 했어요. 지지 없이 한 결과가 있어야 '낮음'으로 판단할 수 있어요";
        }
        return "최근 1년 안의 " + name + " 검사가 없어요";
    }

    private List<Evaluation.FallRiskFlag> flags(MeasurementCode code, Result result, boolean earlierProcedure,
            Senior senior, Set<MeasurementCode> validated) {
        List<Evaluation.FallRiskFlag> raised = new ArrayList<>();
        double value = result.value().doubleValue();
        int age = result.takenAt().getYear() - senior.birthYear();
        for (NormTables.FallRiskCutoff cutoff : norms.fallRiskCutoffs()) {
            if (cutoff.code() != code) {
                continue;
            }
            Double threshold = cutoff.threshold();
            String rule;
            String korean;
            if (threshold == null) {
                Optional<Integer> steadi = norms.steadiChairStand(senior.sex(), Math.min(age, Grader.OLDEST_SFT_AGE));
                if (steadi.isEmpty()) {
                    continue;
                }
                threshold = steadi.get().doubleValue();
                rule = "below average for %s age %d: under %d stands".formatted(senior.sex(), age, steadi.get());
                korean = "같은 나이·성별 평균 미만 (%s %d세 기준 %d회 미만, %s)".formatted(Units.sex(senior.sex()), age,
                        steadi.get(), cutoff.source());
            } else {
                rule = (cutoff.atLeast() ? "at least " : "under ") + Numbers.plain(threshold) + " "
                        + code.unit().wireName();
                korean = "%s %s (%s)".formatted(Units.value(threshold, code.unit().wireName()),
                        cutoff.atLeast() ? "이상" : "미만", cutoff.source());
            }
            boolean raises = cutoff.atLeast() ? value >= threshold : value < threshold;
            if (!raises) {
                continue;
            }
            boolean isValidated = validated.contains(code);
            List<String> notes = new ArrayList<>();
            if (earlierProcedure) {
                notes.add(EARLIER_PROCEDURE);
            }
            if (!isValidated) {
                notes.add(NOT_VALIDATED);
            }
            Object protocol = result.detail() == null ? null : result.detail().get(RecordDetail.PROTOCOL);
            raised.add(new Evaluation.FallRiskFlag(cutoff.flag(), code.name(), result.value(), rule, cutoff.level(),
                    cutoff.source(), result.takenAt(), protocol == null ? null : String.valueOf(protocol),
                    earlierProcedure, isValidated, notes.isEmpty() ? null : String.join(", ", notes),
                    "%s %s: %s → 낙상 위험 %s".formatted(code.koreanName(),
                            Units.value(value, code.unit().wireName()), korean, cutoff.level().korean())));
        }
        return raised;
    }

    private static FallRiskLevel max(FallRiskLevel a, FallRiskLevel b) {
        return a == null || b.ordinal() > a.ordinal() ? b : a;
    }
}
