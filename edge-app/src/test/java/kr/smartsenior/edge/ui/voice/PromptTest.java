package kr.smartsenior.edge.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PromptTest {

    @Test
    void everyPromptHasASentenceAndADefaultRecording() throws IOException {
        for (Prompt prompt : Prompt.values()) {
            assertThat(prompt.text()).as(prompt.key()).isNotBlank();
            try (InputStream wav = Prompt.class.getResourceAsStream(Prompt.RESOURCE_DIR + prompt.fileName())) {
                assertThat(wav).as(prompt.fileName()).isNotNull();
                byte[] header = wav.readNBytes(12);
                assertThat(new String(header, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
                assertThat(new String(header, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
            }
        }
    }

    @Test
    void theSentenceFileHasNoLineWithoutAPrompt() throws IOException {
        String tsv;
        try (InputStream in = Prompt.class.getResourceAsStream(Prompt.SENTENCES)) {
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> keys = tsv.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('\t'))).collect(Collectors.toSet());
        assertThat(keys).isEqualTo(Arrays.stream(Prompt.values()).map(Prompt::key).collect(Collectors.toSet()));
    }

    @Test
    void countdownPromptsSayTheNumber() {
        assertThat(Prompt.count(3).text()).isEqualTo("셋");
        assertThat(Prompt.count(1).text()).isEqualTo("하나");
    }
}
