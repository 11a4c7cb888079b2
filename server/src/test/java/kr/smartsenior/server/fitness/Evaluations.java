package kr.smartsenior.server.fitness;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.smartsenior.server.member.MemberDirectory.Senior;

/** Evaluations without Spring or a database, for tests of other features. */
public final class Evaluations {

    private static final NormTables NORMS = new NormTables();

    private Evaluations() {
    }

    /**
     * The evaluation of a senior screened 10 days before {@code now} who answered "no" to all three
     * of STEADI's fall questions, at a site where no test is validated against hand timing yet.
     */
    public static Evaluation of(Senior senior, List<Result> results, Instant now) {
        return of(senior, results, noFall(now), now);
    }

    /** The evaluation with these STEADI key answers (empty: never screened). */
    public static Evaluation of(Senior senior, List<Result> results, Optional<FallScreening.KeyAnswers> answers,
            Instant now) {
        return evaluator(answers, Set.of()).evaluate(senior, results, now);
    }

    /** Key answers of a screening 10 days before {@code now}. */
    public static Optional<FallScreening.KeyAnswers> answers(Instant now, boolean fell, boolean unsteady,
            boolean worries) {
        return Optional.of(new FallScreening.KeyAnswers(OffsetDateTime.ofInstant(now, ZoneOffset.UTC).minusDays(10),
                fell, unsteady, worries));
    }

    /** The smallest real changes of {@code measurement-error.csv}, for tests of other features. */
    public static SmallestRealChange smallestRealChange() {
        return new SmallestRealChange(NORMS);
    }

    static Optional<FallScreening.KeyAnswers> noFall(Instant now) {
        return answers(now, false, false, false);
    }

    static Evaluator evaluator(Optional<FallScreening.KeyAnswers> answers, Set<kr.smartsenior.protocol.MeasurementCode> validated) {
        FallRiskAssessment fallRisk = new FallRiskAssessment(NORMS, memberId -> answers, siteId -> validated);
        return new Evaluator(NORMS, new Grader(NORMS), null, null, fallRisk);
    }
}
