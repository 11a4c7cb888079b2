package kr.smartsenior.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.smartsenior.server.fitness.Evaluations;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.validation.TestAgreement;
import org.junit.jupiter.api.Test;

/** Which alerts the records raise, each kind, and what makes two alerts the same one. */
class AlertRulesTest {

    static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");
    static final Senior WOMAN = new Senior("M7K2Q9XD4T", "ydp-01", "김순자", 1951, "F");
    private final AlertRules rules = new AlertRules(Duration.ofDays(14));

    private static Result test(String code, String value, int daysAgo, String protocol) {
        return new Result(code, "test", new BigDecimal(value),
                OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9)).minusDays(daysAgo), Map.of("protocol", protocol));
    }

    private static Result chairStand(String count, int daysAgo) {
        return test("CHAIR_STAND_30S", count, daysAgo, "chair-stand-30s/2");
    }

    private static Result unwell(int daysAgo) {
        return new Result("UNWELL_TODAY", "check", BigDecimal.ONE,
                OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9)).minusDays(daysAgo), Map.of());
    }

    private List<Condition> conditions(List<Result> results) {
        return rules.of(WOMAN, Evaluations.of(WOMAN, results, NOW), results, NOW);
    }

    private static List<Condition> ofKind(List<Condition> conditions, AlertKind kind) {
        return conditions.stream().filter(c -> c.kind() == kind).toList();
    }

    @Test
    void aFallInThePastYearWithASlowWalkIsHighFallRiskTheMostSevere() {
        List<Result> results = List.of(test("TIMED_UP_AND_GO", "14.2", 2, "timed-up-and-go/2"));
        List<Condition> conditions = rules.of(WOMAN, Evaluations.of(WOMAN, results,
                Evaluations.answers(NOW, true, false, false), NOW), results, NOW);

        List<Condition> fall = ofKind(conditions, AlertKind.FALL_RISK);
        assertThat(fall).hasSize(1);
        assertThat(fall.getFirst().severity()).isEqualTo(5);
        assertThat(fall.getFirst().summary()).startsWith("낙상 위험 높음").contains("14.2초");
        assertThat(fall.getFirst().identity()).startsWith("M7K2Q9XD4T|FALL_RISK|HIGH@");
        assertThat(ofKind(conditions, AlertKind.FALL_RISK_CHECK)).isEmpty();
    }

    @Test
    void withoutTestsOrAScreeningFallRiskNeedsChecking() {
        List<Result> results = List.of(chairStand("15", 3));
        List<Condition> conditions = rules.of(WOMAN, Evaluations.of(WOMAN, results, Optional.empty(), NOW), results, NOW);

        List<Condition> check = ofKind(conditions, AlertKind.FALL_RISK_CHECK);
        assertThat(check).hasSize(1);
        assertThat(check.getFirst().severity()).isEqualTo(1);
        assertThat(check.getFirst().summary()).contains("선별 검사가 없어요");
        assertThat(ofKind(conditions, AlertKind.FALL_RISK)).isEmpty();
    }

    @Test
    void aDropBeyondMeasurementErrorIsARecentDeclineIdentifiedByItsResult() {
        List<Result> results = List.of(chairStand("15", 90), chairStand("15", 60), chairStand("16", 30),
                chairStand("9", 1));

        List<Condition> decline = ofKind(conditions(results), AlertKind.DECLINE);

        assertThat(decline).hasSize(1);
        assertThat(decline.getFirst().summary()).startsWith("30초 의자").contains("나빠짐");
        assertThat(decline.getFirst().evidence()).isEqualTo("CHAIR_STAND_30S@" + results.getLast().takenAt().toInstant());
        assertThat(decline.getFirst().raisedAt()).isEqualTo(results.getLast().takenAt().toInstant());
    }

    @Test
    void aStableVisitRaisesNoDecline() {
        List<Result> results = List.of(chairStand("15", 90), chairStand("15", 60), chairStand("15", 1));

        assertThat(ofKind(conditions(results), AlertKind.DECLINE)).isEmpty();
    }

    @Test
    void aSlowGripDeclineOverThreeYearsIsASlowDeclinePerHand() {
        String[] kg = {"19.0", "18.6", "18.0", "17.5", "17.1", "16.5", "15.7"};
        int[] daysAgo = {1095, 913, 730, 548, 365, 183, 1};
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < kg.length; i++) {
            results.add(new Result("GRIP_STRENGTH", "test", new BigDecimal(kg[i]),
                    OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9)).minusDays(daysAgo[i]),
                    Map.of("protocol", "grip/1", "hand", "right")));
        }

        List<Condition> slow = ofKind(conditions(results), AlertKind.SLOW_DECLINE);

        assertThat(slow).extracting(Condition::evidence).allSatisfy(e -> assertThat(e).startsWith("GRIP_STRENGTH"))
                .anySatisfy(e -> assertThat(e).startsWith("GRIP_STRENGTH/right@"));
        assertThat(slow).allSatisfy(c -> assertThat(c.summary()).contains("서서히 나빠짐"));
    }

    @Test
    void absenceOnlyForSeniorsWhoCameBeforeAndOnlyAfterTheConfiguredDays() {
        assertThat(ofKind(conditions(List.of(chairStand("15", 20))), AlertKind.ABSENCE)).singleElement()
                .satisfies(c -> {
                    assertThat(c.summary()).contains("20일째");
                    assertThat(c.raisedAt()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9))
                            .minusDays(20).toInstant().plus(Duration.ofDays(14)));
                });
        assertThat(ofKind(conditions(List.of(chairStand("15", 13))), AlertKind.ABSENCE)).isEmpty();
        assertThat(ofKind(conditions(List.of()), AlertKind.ABSENCE)).as("never came: not an absence").isEmpty();
        AlertRules month = new AlertRules(Duration.ofDays(30));
        List<Result> twenty = List.of(chairStand("15", 20));
        assertThat(ofKind(month.of(WOMAN, Evaluations.of(WOMAN, twenty, NOW), twenty, NOW), AlertKind.ABSENCE))
                .isEmpty();
    }

    @Test
    void anUnwellAnswerOfTheLastWeekIsAnAlertAnOlderOneIsNot() {
        List<Condition> recent = ofKind(conditions(List.of(unwell(2))), AlertKind.UNWELL);
        assertThat(recent).singleElement().satisfies(c -> {
            assertThat(c.severity()).isEqualTo(4);
            assertThat(c.summary()).contains("안부를 여쭤 주세요");
        });
        assertThat(ofKind(conditions(List.of(unwell(8))), AlertKind.UNWELL)).isEmpty();
        List<Condition> twice = ofKind(conditions(List.of(unwell(5), unwell(1))), AlertKind.UNWELL);
        assertThat(twice).singleElement().satisfies(c -> assertThat(c.evidence())
                .isEqualTo("@" + OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9)).minusDays(1).toInstant()));
    }

    @Test
    void theSameRecordsGiveTheSameIdentitiesAndANewResultANewOne() {
        List<Result> before = new ArrayList<>(List.of(chairStand("15", 120), chairStand("15", 90), chairStand("16", 60),
                chairStand("9", 30)));
        List<String> first = conditions(before).stream().map(Condition::identity).toList();
        assertThat(conditions(new ArrayList<>(before)).stream().map(Condition::identity).toList()).isEqualTo(first);

        before.add(chairStand("8", 1)); // still declining, on new evidence
        List<String> again = ofKind(conditions(before), AlertKind.DECLINE).stream().map(Condition::identity).toList();

        assertThat(again).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    @Test
    void aSiteTestMeasuredButNotValidatedIsASiteAlertUntilValidated() {
        TestAgreement few = agreement("TIMED_UP_AND_GO", 3, false, "검증 전: 손 측정 비교 3/30건");
        TestAgreement done = agreement("ONE_LEG_STANCE", 40, true, "검증 완료");
        TestAgreement unmeasured = agreement("CHAIR_STAND_30S", 0, false, "검증 전: 손 측정 비교 0/30건");

        List<Condition> site = AlertRules.ofSite("ydp-01", List.of(few, done, unmeasured),
                Set.of("TIMED_UP_AND_GO", "ONE_LEG_STANCE"), NOW);

        assertThat(site).singleElement().satisfies(c -> {
            assertThat(c.memberId()).isNull();
            assertThat(c.identity()).isEqualTo("site:ydp-01|UNVALIDATED|TIMED_UP_AND_GO:FEW_PAIRS");
            assertThat(c.summary()).contains("3/30건");
        });
        TestAgreement disagrees = agreement("TIMED_UP_AND_GO", 35, false, "검증 전: 차이가 커요");
        assertThat(AlertRules.ofSite("ydp-01", List.of(disagrees), Set.of("TIMED_UP_AND_GO"), NOW))
                .extracting(Condition::evidence).containsExactly("TIMED_UP_AND_GO:DISAGREES");
    }

    private static TestAgreement agreement(String code, int n, boolean validated, String status) {
        return new TestAgreement("ydp-01", code, code, "s", code.toLowerCase() + "/2", n, 0, null, null, null, null,
                null, BigDecimal.ONE, false, null, 30, validated, status);
    }
}
