package kr.smartsenior.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreeningStatusTest {

    static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");

    private static ScreeningStatus status(ScreeningQuestion... yes) {
        Map<ScreeningQuestion, Boolean> answers = new EnumMap<>(ScreeningQuestion.class);
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q, false);
        }
        for (ScreeningQuestion q : yes) {
            answers.put(q, true);
        }
        Screening screening = new Screening("s1", "M7K2Q9XD4T", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)
                .minusDays(3), "staff", answers, 120, 80, null, null);
        return ScreeningStatus.of(Optional.of(screening), NOW);
    }

    @Test
    void aYesToASteadiFallQuestionNeverNeedsClearance() {
        ScreeningStatus status = status(ScreeningQuestion.FELL_PAST_YEAR, ScreeningQuestion.UNSTEADY,
                ScreeningQuestion.WORRIES_ABOUT_FALLING);

        assertThat(status.state()).isEqualTo(ScreeningStatus.State.CLEAR);
        assertThat(status.answeredYes()).isEmpty();
    }

    @Test
    void aParQYesStillNeedsClearanceBesideAFallAnswer() {
        ScreeningStatus status = status(ScreeningQuestion.CHEST_PAIN, ScreeningQuestion.FELL_PAST_YEAR);

        assertThat(status.state()).isEqualTo(ScreeningStatus.State.NEEDS_CLEARANCE);
        assertThat(status.answeredYes()).containsExactly(ScreeningQuestion.CHEST_PAIN);
    }
}
