package kr.smartsenior.server.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.fitness.Evaluation;
import kr.smartsenior.server.fitness.FallRiskLevel;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.fitness.TrendDirection;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.validation.TestAgreement;

/**
 * Which alert conditions hold for a senior (or a site) as of a moment, from the evaluation and the
 * stored records. Pure: the same records and moment give the same conditions, with the same
 * identities. Identities (member + kind + evidence):
 *
 * <ul>
 * <li>fall risk 높음/주의: the level and the newest result or screening answer that raised it;</li>
 * <li>fall risk 확인 필요: the newest fall-risk test result (or none);</li>
 * <li>decline, slow decline: the test (and grip hand) and the time of its latest result;</li>
 * <li>absence: the time of the last record (any kind) — only for seniors who came before;</li>
 * <li>unwell: the time of the latest "unwell today" answer within {@link #UNWELL_RECENT};</li>
 * <li>a site's unvalidated test: the test and why (too few pairs, or the kiosk disagrees).</li>
 * </ul>
 */
final class AlertRules {

    /** An "unwell today" answer is an alert this long (staff should ask the senior how they are). */
    static final Duration UNWELL_RECENT = Duration.ofDays(7);
    static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M월 d일");
    private static final Set<MeasurementCode> FALL_TESTS = Set.of(MeasurementCode.TIMED_UP_AND_GO,
            MeasurementCode.ONE_LEG_STANCE, MeasurementCode.CHAIR_STAND_30S);

    private final Duration absentAfter;

    AlertRules(Duration absentAfter) {
        if (absentAfter.isNegative() || absentAfter.isZero()) {
            throw new IllegalArgumentException("the absence alert needs a positive number of days, not " + absentAfter);
        }
        this.absentAfter = absentAfter;
    }

    Duration absentAfter() {
        return absentAfter;
    }

    /** The conditions that hold for this senior as of {@code now}; {@code results} oldest first. */
    List<Condition> of(Senior senior, Evaluation evaluation, List<Result> results, Instant now) {
        List<Condition> conditions = new ArrayList<>();
        fallRisk(senior, evaluation.fallRisk(), results, conditions);
        for (Evaluation.TestResult result : evaluation.results()) {
            if (!result.current()) {
                continue;
            }
            decline(senior, result.code(), result.name(), result.trend(), result.takenAt().toInstant(), conditions);
            for (Evaluation.HandResult hand : result.hands()) {
                decline(senior, result.code() + "/" + hand.hand(), result.name() + " " + hand.korean(), hand.trend(),
                        hand.takenAt().toInstant(), conditions);
            }
        }
        absence(senior, results, now, conditions);
        unwell(senior, results, now, conditions);
        return conditions;
    }

    private static void fallRisk(Senior senior, Evaluation.FallRisk risk, List<Result> results,
            List<Condition> conditions) {
        if (risk.level() == FallRiskLevel.HIGH || risk.level() == FallRiskLevel.ELEVATED) {
            Instant newest = null;
            List<String> why = new ArrayList<>();
            for (Evaluation.FallRiskFlag flag : risk.flags()) {
                newest = max(newest, flag.takenAt().toInstant());
                String name = MeasurementCode.fromWire(flag.code()).map(MeasurementCode::koreanName).orElse(flag.code());
                String unit = MeasurementCode.fromWire(flag.code()).map(c -> c.unit().wireName()).orElse("");
                why.add(name + " " + flag.value().toPlainString() + unitKorean(unit)
                        + (flag.note() == null ? "" : " (" + flag.note() + ")"));
            }
            for (Evaluation.KeyAnswer answer : risk.keyAnswers()) {
                if (answer.level() == FallRiskLevel.ELEVATED) {
                    newest = max(newest, answer.answeredAt().toInstant());
                    why.add(answer.korean());
                }
            }
            int severity = risk.level() == FallRiskLevel.HIGH ? 5 : 4;
            conditions.add(new Condition(senior.id(), senior.siteId(), AlertKind.FALL_RISK,
                    risk.level().name() + "@" + (newest == null ? "none" : newest.toString()), severity,
                    newest == null ? Instant.EPOCH : newest,
                    "낙상 위험 " + risk.korean() + (why.isEmpty() ? "" : ": " + String.join(", ", distinct(why)))));
        } else if (risk.level() == FallRiskLevel.NEEDS_CHECK) {
            Instant newest = null;
            for (Result result : results) {
                if (result.isTest() && MeasurementCode.fromWire(result.code()).filter(FALL_TESTS::contains).isPresent()) {
                    newest = max(newest, result.takenAt().toInstant());
                }
            }
            conditions.add(new Condition(senior.id(), senior.siteId(), AlertKind.FALL_RISK_CHECK,
                    "NEEDS_CHECK@" + (newest == null ? "none" : newest.toString()), 1,
                    newest == null ? Instant.EPOCH : newest,
                    risk.missing().isEmpty() ? "낙상 위험을 판단할 근거가 모자라요" : String.join(" · ", risk.missing())));
        }
    }

    private static void decline(Senior senior, String key, String name, Evaluation.Trend trend, Instant takenAt,
            List<Condition> conditions) {
        if (trend.direction() == TrendDirection.DECLINED) {
            conditions.add(new Condition(senior.id(), senior.siteId(), AlertKind.DECLINE, key + "@" + takenAt, 3,
                    takenAt, name + ": " + trend.korean()));
        }
        if (trend.longTerm() != null && trend.longTerm().direction() == TrendDirection.DECLINED) {
            conditions.add(new Condition(senior.id(), senior.siteId(), AlertKind.SLOW_DECLINE, key + "@" + takenAt, 2,
                    takenAt, name + ": " + trend.longTerm().korean()));
        }
    }

    private void absence(Senior senior, List<Result> results, Instant now, List<Condition> conditions) {
        Instant last = null;
        for (Result result : results) {
            last = max(last, result.takenAt().toInstant());
        }
        if (last == null || last.plus(absentAfter).isAfter(now)) {
            return; // never came (not an absence), or came recently
        }
        LocalDate lastDay = last.atZone(ZONE).toLocalDate();
        long days = ChronoUnit.DAYS.between(lastDay, now.atZone(ZONE).toLocalDate());
        conditions.add(new Condition(senior.id(), senior.siteId(), AlertKind.ABSENCE, "@" + last, 3,
                last.plus(absentAfter), "마지막 방문 " + DAY.format(lastDay) + " (" + days + "일째 오지 않으셨어요)"));
    }

    private static void unwell(Senior senior, List<Result> results, Instant now, List<Condition> conditions) {
        Instant latest = null;
        for (Result result : results) {
            if (result.isUnwellAnswer()) {
                latest = max(latest, result.takenAt().toInstant());
            }
        }
        if (latest == null || latest.isBefore(now.minus(UNWELL_RECENT)) || latest.isAfter(now.plus(Duration.ofDays(1)))) {
            return;
        }
        conditions.add(new Condition(senior.id(), senior.siteId(), AlertKind.UNWELL, "@" + latest, 4, latest,
                DAY.format(latest.atZone(ZONE)) + " 키오스크에서 \"오늘 몸이 아프거나 어지럽다\"고 답하셨어요. 안부를 여쭤 주세요"));
    }

    /**
     * A site's fall-risk tests that its kiosks have measured ({@code measured}) but that are not yet
     * validated against hand timing: fall-risk flags from them are marked "검증 전".
     */
    static List<Condition> ofSite(String siteId, Collection<TestAgreement> agreements, Set<String> measured,
            Instant now) {
        List<Condition> conditions = new ArrayList<>();
        for (TestAgreement agreement : agreements) {
            if (agreement.validated() || !measured.contains(agreement.code())) {
                continue;
            }
            String why = agreement.n() < agreement.minimumPairs() ? "FEW_PAIRS" : "DISAGREES";
            conditions.add(new Condition(null, siteId, AlertKind.UNVALIDATED, agreement.code() + ":" + why, 1, now,
                    agreement.name() + " " + agreement.status() + " (이 검사의 낙상 위험 신호는 \"검증 전\"으로 표시돼요)"));
        }
        return conditions;
    }

    private static String unitKorean(String unit) {
        return switch (unit) {
            case "s" -> "초";
            case "count" -> "회";
            case "cm" -> "cm";
            case "kg" -> "kg";
            default -> unit.isEmpty() ? "" : " " + unit;
        };
    }

    private static List<String> distinct(List<String> texts) {
        return texts.stream().distinct().toList();
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
