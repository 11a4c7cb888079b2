package kr.smartsenior.server.fitness;

import java.time.Instant;
import java.util.List;
import kr.smartsenior.server.member.MemberDirectory.Senior;

/** Evaluations without Spring or a database, for tests of other features. */
public final class Evaluations {

    private static final NormTables NORMS = new NormTables();
    private static final Evaluator EVALUATOR = new Evaluator(NORMS, new Grader(NORMS), null, null);

    private Evaluations() {
    }

    public static Evaluation of(Senior senior, List<Result> results, Instant now) {
        return EVALUATOR.evaluate(senior, results, now);
    }
}
