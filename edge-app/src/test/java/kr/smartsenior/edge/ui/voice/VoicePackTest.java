package kr.smartsenior.edge.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import kr.smartsenior.edge.ui.voice.KoreanNumbers.Reading;
import org.junit.jupiter.api.Test;

/**
 * The built-in voice pack has everything the screens can say: every prompt, every segment the composer
 * can ask for, as readable WAV of 22.05 kHz or more, and a manifest a district can record from.
 */
class VoicePackTest {

    @Test
    void everyPhraseIsAReadableWavOfAtLeast22kHz() throws IOException, UnsupportedAudioFileException {
        for (String id : PromptSource.allIds()) {
            try (InputStream raw = Prompt.class.getResourceAsStream(Prompt.RESOURCE_DIR + id + ".wav")) {
                assertThat(raw).as("%s.wav in the built-in pack (run scripts/make-voice-prompts.sh)", id).isNotNull();
                try (AudioInputStream wav = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
                    AudioFormat format = wav.getFormat();
                    assertThat(format.getSampleRate()).as(id).isGreaterThanOrEqualTo(22_050f);
                    assertThat(format.getEncoding()).as(id).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
                    assertThat(wav.getFrameLength()).as("%s has sound", id).isGreaterThan((long) (format.getSampleRate() / 20));
                }
            }
        }
    }

    /** Every number the composer can read (0-9999 in both readings, one decimal, minus) is a segment of the pack. */
    @Test
    void everySegmentTheComposerCanAskForIsInThePack() {
        Set<String> asked = new TreeSet<>();
        for (int n = 0; n <= KoreanNumbers.MAX; n++) {
            for (Reading reading : Reading.values()) {
                asked.addAll(KoreanNumbers.read(BigDecimal.valueOf(n), reading));
            }
        }
        for (int tenths = -999; tenths <= 9999; tenths++) {
            asked.addAll(KoreanNumbers.read(BigDecimal.valueOf(tenths, 1), Reading.SINO));
        }
        SpeechComposer.COUNTERS.values().forEach(counter -> asked.add(counter.id()));
        asked.add("p_eseo"); // ranges: 두 번에서 세 번
        assertThat(Segments.BY_ID.keySet()).containsAll(asked);
        assertThat(PromptSource.allIds()).containsAll(asked);
    }

    /** The words recorded for each number segment are the words KoreanNumbers means. */
    @Test
    void numberSegmentsSayTheirNumber() {
        for (int n = 1; n <= 99; n++) {
            assertThat(Segments.get("sino_" + n).spoken()).as("sino_" + n).isEqualTo(KoreanNumbers.words(n, Reading.SINO));
            assertThat(Segments.get("native_" + n).spoken()).as("native_" + n)
                    .isEqualTo(KoreanNumbers.words(n, Reading.NATIVE));
        }
        assertThat(Segments.get("sino_0").spoken()).isEqualTo("영");
        assertThat(Segments.get("native_14").spoken()).isEqualTo("열네");
        assertThat(Segments.get("native_20").spoken()).isEqualTo("스무");
        assertThat(Segments.get("native_21").spoken()).isEqualTo("스물한");
        assertThat(Segments.get("sino_100").spoken()).isEqualTo("백");
        assertThat(Segments.get("sino_300").spoken()).isEqualTo("삼백");
        assertThat(Segments.get("sino_1000").spoken()).isEqualTo("천");
    }

    /** voice-pack.tsv lists every phrase once, with its file and the words to record (as made by the script). */
    @Test
    void theManifestListsEveryPhraseWithItsWords() throws IOException {
        Map<String, String[]> manifest = new LinkedHashMap<>();
        try (InputStream in = Prompt.class.getResourceAsStream(Prompt.RESOURCE_DIR + PromptSource.MANIFEST)) {
            assertThat(in).as("voice-pack.tsv").isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> assertThat(manifest.put(line.split("\t")[0], line.split("\t"))).as(line).isNull());
        }
        assertThat(manifest.keySet()).as("run scripts/make-voice-prompts.sh").containsExactlyInAnyOrderElementsOf(
                PromptSource.allIds());
        for (Prompt prompt : Prompt.values()) {
            assertThat(manifest.get(prompt.key())).containsExactly(prompt.key(), prompt.key() + ".wav", prompt.text());
        }
        for (Segments.Segment segment : Segments.all()) {
            assertThat(manifest.get(segment.id())).containsExactly(segment.id(), segment.id() + ".wav", segment.spoken());
        }
    }
}
