package kr.smartsenior.edge.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kr.smartsenior.edge.ui.FxTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays into ALSA's null device (see the Surefire settings); a broken recording leaves the kiosk silent, not stuck. */
class MediaVoiceTest {

    @BeforeAll
    static void toolkit() {
        FxTesting.startOrSkip();
    }

    @Test
    void playsTheDefaultRecordingToTheEnd() {
        AtomicReference<Boolean> working = new AtomicReference<>();
        MediaVoice voice = FxTesting.onFx(() -> new MediaVoice(new PromptSource(Optional.empty()), 0.5, 1.0, working::set));
        FxTesting.onFx(() -> voice.say(Prompt.COUNT_1));
        await().atMost(Duration.ofSeconds(10)).until(() -> FxTesting.onFx(voice::finished) == 1);
        assertThat(working.get()).isTrue();
        FxTesting.onFx(voice::close);
    }

    @Test
    void aBrokenRecordingIsReportedAndTheNextGoodOneWorksAgain(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve(Prompt.COUNT_2.fileName()), "this is not a wav file");
        AtomicReference<Boolean> working = new AtomicReference<>();
        MediaVoice voice = FxTesting.onFx(() -> new MediaVoice(new PromptSource(Optional.of(site)), 1.0, 1.0, working::set));
        FxTesting.onFx(() -> voice.say(Prompt.COUNT_2));
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.FALSE.equals(working.get()));
        FxTesting.onFx(() -> voice.say(Prompt.COUNT_1)); // not replaced by the site: the default recording
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(working.get()));
        FxTesting.onFx(voice::close);
    }

    @Test
    void aSiteRecordingReplacesTheDefaultOne(@TempDir Path site) throws IOException {
        Path own = site.resolve(Prompt.GREETING.fileName());
        Files.copy(MediaVoiceTest.class.getResourceAsStream(Prompt.RESOURCE_DIR + Prompt.COUNT_1.fileName()), own);
        PromptSource source = new PromptSource(Optional.of(site));
        assertThat(source.uri(Prompt.GREETING)).isEqualTo(own.toUri().toString());
        assertThat(source.uri(Prompt.GOODBYE)).endsWith("/kr/smartsenior/edge/ui/voice/goodbye.wav");
    }
}
