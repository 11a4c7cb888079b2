package kr.smartsenior.server.fitness;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.BandCutoffs;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.RecentResults;
import kr.smartsenior.protocol.ResultBand;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.roster.KioskResults;
import org.springframework.stereotype.Component;

/**
 * The roster's {@link KioskResults}: the {@link Grader}'s own cut-offs for a member's sex and this year's
 * age, written as {@link BandCutoffs} (so the kiosk's band is the server's: {@code KioskBandSeamTest}
 * proves it on every golden kiosk record), and the latest results of each test with the grader's band and
 * the evaluation's trend ({@link Trends}). No age, birth year or sex leaves the server: only cut-offs.
 */
@Component
final class KioskGrading implements KioskResults {

    /** The tests the server grades by a norm, in the kiosk's order. */
    static final List<MeasurementCode> GRADED = List.of(MeasurementCode.CHAIR_STAND_30S,
            MeasurementCode.STEP_IN_PLACE_2MIN, MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.GRIP_STRENGTH,
            MeasurementCode.SIT_AND_REACH);
    /** The tests "내 기록" lists: the graded ones and the one-leg stance (the senior's own trend). */
    static final List<MeasurementCode> LISTED = List.of(MeasurementCode.CHAIR_STAND_30S,
            MeasurementCode.STEP_IN_PLACE_2MIN, MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.ONE_LEG_STANCE,
            MeasurementCode.GRIP_STRENGTH, MeasurementCode.SIT_AND_REACH);

    private final NormTables norms;
    private final Grader grader;
    private final Trends trends;
    private final MeasurementHistory history;
    private final MemberDirectory members;
    private final Clock clock;

    KioskGrading(NormTables norms, Grader grader, MeasurementHistory history, MemberDirectory members, Clock clock) {
        this.norms = norms;
        this.grader = grader;
        this.trends = new Trends(norms);
        this.history = history;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public MemberResults forKiosk(String memberId) {
        Optional<Senior> senior = members.find(memberId);
        if (senior.isEmpty()) {
            return MemberResults.NONE;
        }
        int year = LocalDate.now(clock.withZone(KIOSK_ZONE)).getYear();
        return new MemberResults(year, cutoffs(senior.get().sex(), year - senior.get().birthYear()),
                recent(senior.get(), history.tests(memberId)));
    }

    /** The cut-offs the grader uses for this sex and age, one per graded test that has a norm for them. */
    List<BandCutoffs> cutoffs(String sex, int age) {
        List<BandCutoffs> cutoffs = new ArrayList<>();
        for (MeasurementCode code : GRADED) {
            cutoffs(code, sex, age).ifPresent(cutoffs::add);
        }
        return cutoffs;
    }

    /** Mirrors {@link Grader#grade}: the same norm, the same age rules, the same inclusive and strict bounds. */
    Optional<BandCutoffs> cutoffs(MeasurementCode code, String sex, int age) {
        String protocol = MeasurementProtocol.of(code).id();
        if (!NormTables.SEXES.contains(sex) || age < Grader.YOUNGEST_NORM_AGE && code != MeasurementCode.GRIP_STRENGTH) {
            return Optional.empty();
        }
        return switch (code) {
            case CHAIR_STAND_30S, STEP_IN_PLACE_2MIN, SIT_AND_REACH -> {
                String item = Grader.KFIT100_ITEMS.get(code);
                Optional<CertificationGrades> korean = item == null ? Optional.empty() : norms.kfit100(item, sex, age);
                if (korean.isPresent()) {
                    CertificationGrades g = korean.get();
                    yield Optional.of(new BandCutoffs(code, protocol, g.lowerIsBetter(), plain(g.grade3()),
                            plain(g.grade1()), null));
                }
                yield norms.sft(code.name(), sex, Math.min(age, Grader.OLDEST_SFT_AGE))
                        .map(r -> new BandCutoffs(code, protocol, r.lowerIsBetter(),
                                plain(r.lowerIsBetter() ? r.high() : r.low()), null,
                                plain(r.lowerIsBetter() ? r.low() : r.high())));
            }
            case TIMED_UP_AND_GO -> norms.tug(age).or(() -> norms.tug(99))
                    .map(t -> new BandCutoffs(code, protocol, true, plain(t.ciHigh()), null, null));
            case GRIP_STRENGTH -> norms.gripLowUnder(sex)
                    .map(low -> new BandCutoffs(code, protocol, false, plain(low), null, null));
            default -> Optional.empty();
        };
    }

    /** The latest results of each listed test, taken by the latest one's procedure, graded each at its own age. */
    List<RecentResults> recent(Senior senior, List<Result> results) {
        Map<MeasurementCode, List<Result>> byCode = new EnumMap<>(MeasurementCode.class);
        for (Result result : results) {
            if (result.isTest()) {
                MeasurementCode.fromWire(result.code()).filter(LISTED::contains)
                        .ifPresent(code -> byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(result));
            }
        }
        List<RecentResults> recent = new ArrayList<>();
        for (MeasurementCode code : LISTED) {
            List<Result> all = byCode.get(code);
            if (all == null) {
                continue;
            }
            List<Result> comparable = Trends.sameProcedureAsLast(code, all);
            List<Point> points = code == MeasurementCode.GRIP_STRENGTH
                    ? GripSessions.of(comparable).stream().map(s -> new Point(s.bestRecord(), s.best())).toList()
                    : comparable.stream().map(r -> new Point(r, r.value().doubleValue())).toList();
            Evaluation.Trend trend = trends.of(code, code.unit().wireName(), points.stream()
                    .map(p -> new Trends.Point(p.value(), p.record().takenAt())).toList(), all.size() - comparable.size());
            List<RecentResults.Result> listed = new ArrayList<>();
            for (Point point : points.subList(Math.max(0, points.size() - RecentResults.MAX_RESULTS), points.size())) {
                Result record = point.record();
                int age = record.takenAt().getYear() - senior.birthYear();
                Band band = grader.grade(code, point.value(), senior.sex(), age, record.detail()).band();
                listed.add(new RecentResults.Result(record.takenAt().toLocalDate(), Numbers.round(point.value(), 2),
                        band(band)));
            }
            recent.add(new RecentResults(code, Trends.procedure(code, all.getLast()), trend(trend), listed));
        }
        return recent;
    }

    private record Point(Result record, double value) {
    }

    static ResultBand band(Band band) {
        return switch (band) {
            case BELOW -> ResultBand.BELOW;
            case WITHIN -> ResultBand.WITHIN;
            case ABOVE -> ResultBand.ABOVE;
            case NOT_GRADED -> null;
        };
    }

    /**
     * The short-term trend as the evaluation calls it; not called for a senior where the smallest real
     * change is a project placeholder (no published value): a senior is not told "떨어졌어요" on a guess.
     */
    static RecentResults.Trend trend(Evaluation.Trend trend) {
        if (trend.provisional()) {
            return RecentResults.Trend.NOT_CALLED;
        }
        return switch (trend.direction()) {
            case IMPROVED -> RecentResults.Trend.IMPROVED;
            case STABLE -> RecentResults.Trend.STEADY;
            case DECLINED -> RecentResults.Trend.DECLINED;
            default -> RecentResults.Trend.NOT_CALLED;
        };
    }

    /** 12 rather than 12.0, as the norm files print it. */
    static BigDecimal plain(double value) {
        return Numbers.round(value, 2);
    }
}
