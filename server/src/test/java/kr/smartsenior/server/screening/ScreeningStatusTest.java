package kr.smartsenior.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreeningStatusTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-21T01:00:00Z");

    private static Map<ScreeningQuestion, Boolean> allNo() {
        Map<ScreeningQuestion, Boolean> answers = new EnumMap<>(ScreeningQuestion.class);
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q, false);
        }
        return answers;
    }

    private static ScreeningStatus status(Map<ScreeningQuestion, Boolean> answers, Clearance clearance) {
        return ScreeningStatus.of(Optional.of(new Screening("s", "M1", NOW.minusDays(3), "staff", answers, 120, 80,
                clearance, null)), NOW.toInstant());
    }

    @Test
    void aYesNeedsARecordedClearanceOfWhoAgreed() {
        Map<ScreeningQuestion, Boolean> answers = allNo();
        answers.put(ScreeningQuestion.MEDICATION, true);

        assertThat(status(answers, null).state()).isEqualTo(ScreeningStatus.State.NEEDS_CLEARANCE);
        ScreeningStatus cleared = status(answers, new Clearance("kim", "내과 김의사", LocalDate.parse("2026-11-19"), NOW));
        assertThat(cleared.state()).isEqualTo(ScreeningStatus.State.CLEARED_BY_STAFF);
        assertThat(cleared.answeredYes()).containsExactly(ScreeningQuestion.MEDICATION);
    }

    @Test
    void theBoneAnswerNeedsNoClearanceAndOnlyANoAllowsJumps() {
        Map<ScreeningQuestion, Boolean> fragile = allNo();
        fragile.put(ScreeningQuestion.BONE_FRAGILITY, true);
        Map<ScreeningQuestion, Boolean> unanswered = allNo();
        unanswered.remove(ScreeningQuestion.BONE_FRAGILITY);

        assertThat(status(fragile, null).state()).isEqualTo(ScreeningStatus.State.CLEAR);
        assertThat(status(fragile, null).answeredYes()).isEmpty();
        assertThat(status(fragile, null).jumpsAllowed()).isFalse();
        assertThat(status(unanswered, null).boneFragility()).isEmpty();
        assertThat(status(unanswered, null).jumpsAllowed()).isFalse();
        assertThat(status(allNo(), null).jumpsAllowed()).isTrue();
        assertThat(ScreeningStatus.of(Optional.empty(), NOW.toInstant()).jumpsAllowed()).isFalse();
    }

    @Test
    void aYesToASteadiFallQuestionNeverNeedsClearance() {
        Map<ScreeningQuestion, Boolean> answers = allNo();
        answers.put(ScreeningQuestion.FELL_PAST_YEAR, true);
        answers.put(ScreeningQuestion.UNSTEADY, true);
        answers.put(ScreeningQuestion.WORRIES_ABOUT_FALLING, true);

        ScreeningStatus status = status(answers, null);

        assertThat(status.state()).isEqualTo(ScreeningStatus.State.CLEAR);
        assertThat(status.answeredYes()).isEmpty();
    }

    @Test
    void aParQYesStillNeedsClearanceBesideAFallAnswer() {
        Map<ScreeningQuestion, Boolean> answers = allNo();
        answers.put(ScreeningQuestion.CHEST_PAIN, true);
        answers.put(ScreeningQuestion.FELL_PAST_YEAR, true);

        ScreeningStatus status = status(answers, null);

        assertThat(status.state()).isEqualTo(ScreeningStatus.State.NEEDS_CLEARANCE);
        assertThat(status.answeredYes()).containsExactly(ScreeningQuestion.CHEST_PAIN);
    }
}
