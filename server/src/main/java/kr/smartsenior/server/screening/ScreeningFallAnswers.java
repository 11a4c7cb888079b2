package kr.smartsenior.server.screening;

import java.util.Optional;
import kr.smartsenior.server.fitness.FallScreening;
import org.springframework.stereotype.Component;

/** The fall-risk evaluation's view of the latest screening: STEADI's key answers only. */
@Component
final class ScreeningFallAnswers implements FallScreening {

    private final Screenings screenings;

    ScreeningFallAnswers(Screenings screenings) {
        this.screenings = screenings;
    }

    @Override
    public Optional<KeyAnswers> latest(String memberId) {
        return screenings.latest(memberId).map(s -> new KeyAnswers(s.recordedAt(),
                s.answers().get(ScreeningQuestion.FELL_PAST_YEAR), s.answers().get(ScreeningQuestion.UNSTEADY),
                s.answers().get(ScreeningQuestion.WORRIES_ABOUT_FALLING)));
    }
}
