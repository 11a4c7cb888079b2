package kr.smartsenior.server.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.fitness.Evaluation;
import kr.smartsenior.server.fitness.Evaluator;
import kr.smartsenior.server.fitness.MeasurementHistory;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.fitness.ThreeYearHistory;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.screening.ScreeningStatus;
import kr.smartsenior.server.screening.Screenings;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The derived work's bounded read ({@link MeasurementHistory#forEvaluation}, exercise and check records
 * only as far back as the rules look) gives the same evaluation and the same prescription as the whole
 * history, on a realistic three-year history with a prescription whose levels were set two months ago.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BoundedHistoryIT {

    @Test
    void theBoundedReadEvaluatesAndPrescribesAsTheWholeHistoryDoes() {
        try (TestServer server = TestServer.embedded()) {
            server.api().createSite("bh-01", "경계 경로당");
            String memberId = server.api().createMember("bh-01", "김순자", 1950, "F");
            server.api().post("/api/members/" + memberId + "/screening", clearScreening());
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            int written = ThreeYearHistory.write(server.bean(JdbcTemplate.class), memberId, "bh-01", now, 16);

            MeasurementHistory history = server.bean(MeasurementHistory.class);
            Evaluator evaluator = server.bean(Evaluator.class);
            Senior senior = server.bean(MemberDirectory.class).find(memberId).orElseThrow();
            ScreeningStatus screening = server.bean(Screenings.class).status(memberId);
            List<Result> whole = history.of(memberId);
            assertThat(whole).hasSize(written);

            // the levels were set two months ago, from what was known then
            OffsetDateTime then = now.minusDays(60);
            List<Result> known = whole.stream().filter(r -> !r.takenAt().isAfter(then)).toList();
            Plan previous = PrescriptionRules.prescribe(evaluator.evaluate(senior, known, then.toInstant()), screening,
                    known, Optional.empty(), then).withVersion(1);
            assertThat(previous.programs()).as("programs whose progression reads the sessions since").isNotEmpty();

            List<Result> bounded = history.forEvaluation(memberId, Prescriber.lookBack(Optional.of(previous), now));
            assertThat(bounded.size()).as("exercise and check records before the levels were set are not read")
                    .isLessThan(whole.size() * 2 / 3);
            Evaluation fromWhole = evaluator.evaluate(senior, whole, now.toInstant());
            assertThat(evaluator.evaluate(senior, bounded, now.toInstant())).isEqualTo(fromWhole);
            assertThat(fromWhole.results()).hasSizeGreaterThanOrEqualTo(7);

            Plan planFromWhole = PrescriptionRules.prescribe(fromWhole, screening, whole, Optional.of(previous), now);
            Plan planFromBounded = PrescriptionRules.prescribe(evaluator.evaluate(senior, bounded, now.toInstant()),
                    screening, bounded, Optional.of(previous), now);
            assertThat(planFromBounded).isEqualTo(planFromWhole);
            assertThat(planFromWhole.programs()).anyMatch(p -> !p.change().equals("START"));

            // earlier moments of the same history too (records after them are read alike by both)
            for (Duration back : List.of(Duration.ofDays(7), Duration.ofDays(200), Duration.ofDays(500))) {
                OffsetDateTime at = now.minus(back);
                assertThat(evaluator.evaluate(senior, history.forEvaluation(memberId,
                        at.toInstant().minus(Duration.ofDays(15))), at.toInstant()))
                        .as("at " + back).isEqualTo(evaluator.evaluate(senior, whole, at.toInstant()));
            }
        }
    }

    private static Map<String, Object> clearScreening() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q.name(), false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("systolic", 120);
        body.put("diastolic", 80);
        return body;
    }
}
