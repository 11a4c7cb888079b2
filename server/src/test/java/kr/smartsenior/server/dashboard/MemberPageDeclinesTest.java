package kr.smartsenior.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.fitness.Evaluations;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.junit.jupiter.api.Test;

/** The senior page lists what declined in the evaluation's Korean words, a slow decline included. */
class MemberPageDeclinesTest {

    static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");
    static final Senior WOMAN = new Senior("M7K2Q9XD4T", "ydp-01", "김순자", 1951, "F");

    private static Result grip(String hand, String kg, int daysAgo) {
        return new Result("GRIP_STRENGTH", "test", new BigDecimal(kg),
                OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9)).minusDays(daysAgo),
                Map.of("protocol", "grip/1", "hand", hand));
    }

    @Test
    void aSlowGripDeclineIsListedThoughTheLastVisitLookedStable() {
        String[] kg = {"19.0", "18.6", "18.0", "17.5", "17.1", "16.5", "15.7"};
        int[] daysAgo = {1095, 913, 730, 548, 365, 183, 1};
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < kg.length; i++) {
            results.add(grip("right", kg[i], daysAgo[i]));
        }

        List<String> declines = DashboardController.declines(Evaluations.of(WOMAN, results, NOW));

        assertThat(declines).hasSize(2).allSatisfy(line -> assertThat(line).contains("서서히 나빠짐"));
        assertThat(declines.getFirst()).startsWith("악력: 최근 3년 7회");
        assertThat(declines.get(1)).startsWith("악력 오른손: ");
    }

    @Test
    void nothingIsListedWithoutADecline() {
        List<Result> results = List.of(grip("right", "20", 60), grip("right", "20.5", 1));

        assertThat(DashboardController.declines(Evaluations.of(WOMAN, results, NOW))).isEmpty();
    }
}
