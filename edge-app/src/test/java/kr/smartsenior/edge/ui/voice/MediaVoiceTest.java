package kr.smartsenior.edge.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kr.smartsenior.edge.ui.FxTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

    /** The admin's remote volume reaches the phrase playing, the ones made ahead and every later one (decision 0042). */
    @Test
    void aNewVolumeReachesThePlayerPlayingAndTheNextPhrases() {
        Utterance said = SpeechComposer.builtIn().compose("다녀오는 데 10.8초 걸렸어요.").orElseThrow();
        MediaVoice voice = FxTesting.onFx(() -> new MediaVoice(new PromptSource(Optional.empty()), 1.0, 1.0, ok -> { }));
        List<Double> playing = FxTesting.onFx(() -> {
            voice.say(said);
            voice.volume(0.3);
            return voice.playerVolumes();
        });
        assertThat(playing).isNotEmpty().containsOnly(0.3);
        await().atMost(Duration.ofSeconds(30)).until(() -> FxTesting.onFx(voice::finished) == 1);
        List<Double> next = FxTesting.onFx(() -> {
            voice.say(Prompt.COUNT_1);
            return voice.playerVolumes();
        });
        assertThat(next).containsExactly(0.3);
        assertThat(FxTesting.onFx(() -> voice.volume())).isEqualTo(0.3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> voice.volume(1.5)).isInstanceOf(IllegalArgumentException.class);
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

    /** A composed sentence plays piece after piece to its end; the silence at each join is measured and logged. */
    @Test
    void playsAComposedSentenceAsOneAndMeasuresTheJoins() {
        Utterance said = SpeechComposer.builtIn().compose("다녀오는 데 10.8초 걸렸어요.").orElseThrow();
        assertThat(said.ids()).hasSize(6);
        AtomicReference<Boolean> working = new AtomicReference<>();
        MediaVoice voice = FxTesting.onFx(() -> new MediaVoice(new PromptSource(Optional.empty()), 0.5, 1.0, working::set));
        FxTesting.onFx(() -> voice.say(said));
        await().atMost(Duration.ofSeconds(30)).until(() -> FxTesting.onFx(voice::finished) == 1);
        List<Long> gaps = FxTesting.onFx(voice::gapsNanos);
        assertThat(gaps).hasSize(said.ids().size() - 1);
        LoggerFactory.getLogger(MediaVoiceTest.class).info("gaps between segments (ms): {}",
                gaps.stream().map(nanos -> String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6)).toList());
        // the next pieces are made ahead: a join is a few ms (measured 2-13 ms, once 42 ms on a loaded
        // machine); a comma's pause is about 250 ms, so the median join must stay well under that
        assertThat(gaps.stream().sorted().toList().get(gaps.size() / 2)).isLessThan(Duration.ofMillis(150).toNanos());
        assertThat(working.get()).isTrue();
        FxTesting.onFx(voice::close);
    }

    @Test
    void aDistrictPackNamesItsOwnFilesAndTheRestFallsBack(@TempDir Path site) throws IOException {
        Path own = site.resolve("열네.wav");
        Files.copy(MediaVoiceTest.class.getResourceAsStream(Prompt.RESOURCE_DIR + "native_14.wav"), own);
        Files.copy(MediaVoiceTest.class.getResourceAsStream(Prompt.RESOURCE_DIR + "goodbye.wav"), site.resolve("goodbye.wav"));
        Files.writeString(site.resolve(PromptSource.MANIFEST), "# ours\nnative_14\t열네.wav\t열네\n");
        PromptSource source = new PromptSource(Optional.of(site));
        assertThat(source.uri("native_14")).isEqualTo(own.toUri().toString());
        assertThat(source.uri(Prompt.GOODBYE)).isEqualTo(site.resolve("goodbye.wav").toUri().toString());
        assertThat(source.uri("unit_beon")).endsWith("/kr/smartsenior/edge/ui/voice/unit_beon.wav");
        assertThat(source.missingFromSite()).hasSize(PromptSource.allIds().size() - 2).contains("unit_beon")
                .doesNotContain("native_14", "goodbye");
    }
}
