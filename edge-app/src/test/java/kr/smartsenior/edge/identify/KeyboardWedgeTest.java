package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.protocol.card.CardToken;
import org.junit.jupiter.api.Test;

class KeyboardWedgeTest {

    private static final long MS = 1_000_000L;

    @Test
    void aFastRunOfKeysEndedByEnterIsOneScan() {
        KeyboardWedge wedge = new KeyboardWedge();
        String scan = type(wedge, Cards.KIM.text() + "\n", 0, 5 * MS);

        assertThat(scan).isEqualTo(Cards.KIM.text());
        assertThat(type(wedge, "\n", 10_000 * MS, 5 * MS)).isNull(); // Enter alone is nothing
    }

    @Test
    void slowTypingByAPersonIsNotAScan() {
        KeyboardWedge wedge = new KeyboardWedge();

        assertThat(type(wedge, "SSC1:M7K2Q9XD4T\n", 0, 300 * MS)).isNull();
        // a pause, then a real scan: only the scan counts
        wedge.key('X', 0);
        assertThat(type(wedge, Cards.PARK.text() + "\t", 1_000 * MS, 3 * MS)).isEqualTo(Cards.PARK.text());
    }

    @Test
    void aScannerOnAKoreanKeyboardInHangulModeStillReads() {
        // what the IME makes of "SSC1:M7K2Q9XD4T:2:4J8ZQ0N6W2C5TD1XKR3M" typed in 2-beolsik 한글 mode
        String typed = "ㄴㄴㅊ1:ㅡ7ㅏ2ㅂ9ㅌㅇ4ㅅ:2:4ㅓ8ㅋㅂ0ㅜ6ㅈ2ㅊ5ㅅㅇ1ㅌㅏㄱ3ㅡ";

        assertThat(CardToken.parse(KeyboardWedge.normalize(typed))).contains(Cards.KIM);
        assertThat(KeyboardWedge.normalize("가나")).isEqualTo("rksk");
        assertThat(KeyboardWedge.normalize("ㅘ앉")).isEqualTo("hkdksw");
    }

    @Test
    void linesFromAScannerStreamAreScansWithoutControlCharacters() {
        List<String> scans = new ArrayList<>();
        String input = Cards.KIM.text() + "\r\n\n  \n\u001b" + Cards.PARK.text() + "\n" + "A".repeat(600) + "\n";

        KeyboardWedge.readLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), scans::add);

        assertThat(scans).containsExactly(Cards.KIM.text(), Cards.PARK.text());
    }

    private static String type(KeyboardWedge wedge, String text, long start, long gap) {
        String result = null;
        long t = start;
        for (char c : text.toCharArray()) {
            String scan = wedge.key(c, t);
            if (scan != null) {
                result = scan;
            }
            t += gap;
        }
        return result;
    }
}
