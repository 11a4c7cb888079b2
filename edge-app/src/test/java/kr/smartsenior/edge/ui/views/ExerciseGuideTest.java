package kr.smartsenior.edge.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import kr.smartsenior.edge.exercise.Cue;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.ExerciseEvent;
import kr.smartsenior.edge.ui.voice.Prompt;
import org.junit.jupiter.api.Test;

class ExerciseGuideTest {

    @Test
    void everyKindOfCueTheEngineSendsIsShownInWordsAndSpokenExceptTheIntervalsBeat() {
        for (Cue.Kind kind : Cue.Kind.values()) {
            ExerciseEvent.Target target = new ExerciseEvent.Target(kind, Set.of(2), false, Duration.ofSeconds(2), Duration.ZERO);
            assertThat(ExerciseGuide.cueText(target)).as("words for %s", kind).isNotBlank();
            assertThat(ExerciseGuide.sign(kind)).as("sign for %s", kind).isNotNull();
            assertThat(ExerciseGuide.cuePrompt(target).isPresent()).as("spoken %s", kind).isEqualTo(kind != Cue.Kind.MARCH);
        }
    }

    @Test
    void aDualTaskShowsOnlyThePadsNumber() {
        ExerciseEvent.Target target = new ExerciseEvent.Target(Cue.Kind.STEP, Set.of(3), true, Duration.ofSeconds(2), Duration.ZERO);
        assertThat(ExerciseGuide.cueText(target)).isEqualTo("3번!");
        assertThat(ExerciseGuide.cuePrompt(target)).contains(Prompt.CUE_PAD_3);
        assertThat(ExerciseGuide.sign(Cue.Kind.STAY)).isEqualTo(MatView.Sign.STAY);
    }
}
