package kr.smartsenior.protocol.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CardTokenTest {

    private static final String MAC = "4J8ZQ0N6W2C5TD1XKR3M";

    @Test
    void formatsAndParsesTheSameToken() {
        CardToken token = new CardToken("M7K2Q9XD4T", 2, MAC);

        assertThat(token.text()).isEqualTo("SSC1:M7K2Q9XD4T:2:" + MAC);
        assertThat(token.body()).isEqualTo("SSC1:M7K2Q9XD4T:2");
        assertThat(CardToken.parse(token.text())).contains(token);
        assertThat(token.text().length()).isLessThanOrEqualTo(CardToken.MAX_LENGTH);
    }

    @Test
    void longestTokenStaysInTheQrAlphanumericSetAndFitsVersion3AtLevelQ() {
        CardToken longest = new CardToken("ZZZZZZZZZZ", CardToken.MAX_CARD_VERSION, MAC);

        assertThat(longest.text()).hasSize(CardToken.MAX_LENGTH).matches("[0-9A-Z $%*+\\-./:]+");
        assertThat(CardToken.MAX_LENGTH).isLessThanOrEqualTo(47); // version 3-Q alphanumeric capacity
    }

    @Test
    void forgivesLowerCaseAndSurroundingWhitespaceFromScanners() {
        assertThat(CardToken.parse("  ssc1:m7k2q9xd4t:2:" + MAC.toLowerCase() + "\r\n"))
                .contains(new CardToken("M7K2Q9XD4T", 2, MAC));
    }

    @Test
    void refusesAnythingThatIsNotExactlyOneToken() {
        assertThat(CardToken.parse("https://example.com/pay?id=1")).isEmpty();
        assertThat(CardToken.parse("SSC1:M7K2Q9XD4T:2:" + MAC + "X")).isEmpty();
        assertThat(CardToken.parse("SSC1:M7K2Q9XD4T:0:" + MAC)).isEmpty();
        assertThat(CardToken.parse("SSC1:M7K2Q9XD4T:02:" + MAC)).isEmpty();
        assertThat(CardToken.parse("SSC1:M7K2Q9XD4U:2:" + MAC)).isEmpty(); // U is not Crockford
        assertThat(CardToken.parse("SSC2:M7K2Q9XD4T:2:" + MAC)).isEmpty();
        assertThat(CardToken.parse("")).isEmpty();
        assertThat(CardToken.parse(null)).isEmpty();
        assertThat(CardToken.parse("SSC1:" + "A".repeat(10_000))).isEmpty();
    }

    @Test
    void tellsOurDamagedTokensFromOtherPeoplesCodes() {
        assertThat(CardToken.looksLikeOurs("SSC1:M7K2Q9XD4T:2:SHORT")).isTrue();
        assertThat(CardToken.looksLikeOurs("ssc1:broken")).isTrue();
        assertThat(CardToken.looksLikeOurs("https://example.com")).isFalse();
        assertThat(CardToken.looksLikeOurs(null)).isFalse();
    }

    @Test
    void hashIsSha256HexOfTheTextAndChangesWithEveryPart() {
        CardToken token = new CardToken("M7K2Q9XD4T", 2, MAC);

        assertThat(token.hash()).hasSize(64).matches("[0-9a-f]+");
        // SHA-256("abc"), the FIPS 180-2 example
        assertThat(CardToken.hashOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(new CardToken("M7K2Q9XD4T", 3, MAC).hash()).isNotEqualTo(token.hash());
        assertThat(new CardToken("M7K2Q9XD4V", 2, MAC).hash()).isNotEqualTo(token.hash());
        assertThat(new CardToken("M7K2Q9XD4T", 2, "4J8ZQ0N6W2C5TD1XKR3N").hash()).isNotEqualTo(token.hash());
    }

    @Test
    void macTextTakesTheFirst100BitsAsBase32() {
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] zeros = new byte[32];
        byte[] pattern = new byte[32];
        pattern[0] = (byte) 0b0000_1000; // bits 4 set: first char 00001 = '1'

        assertThat(CardToken.macText(ones)).isEqualTo("Z".repeat(20));
        assertThat(CardToken.macText(zeros)).isEqualTo("0".repeat(20));
        assertThat(CardToken.macText(pattern)).startsWith("1").hasSize(20);
        assertThatThrownBy(() -> CardToken.macText(new byte[12])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheMac() {
        assertThat(new CardToken("M7K2Q9XD4T", 2, MAC).toString()).doesNotContain(MAC).contains("M7K2Q9XD4T");
    }
}
