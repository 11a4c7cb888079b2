package kr.smartsenior.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextValidatorTest {

    @Test
    void acceptsKoreanNamesAndCountsCharactersNotBytes() {
        assertThat(PlainTextValidator.problem("김영희", 50)).isNull();
        assertThat(PlainTextValidator.problem("가".repeat(50), 50)).isNull();
        assertThat(PlainTextValidator.problem("🌸".repeat(50), 50)).isNull();
        assertThat(PlainTextValidator.problem("<script>alert(1)</script>", 50)).isNull();
    }

    @Test
    void refusesEmptyTooLongAndControlCharacters() {
        assertThat(PlainTextValidator.problem(null, 50)).isEqualTo("must not be empty");
        assertThat(PlainTextValidator.problem(" \t", 50)).isEqualTo("must not be empty");
        assertThat(PlainTextValidator.problem("가".repeat(51), 50)).isEqualTo("must be at most 50 characters");
        assertThat(PlainTextValidator.problem("a\nb", 50)).contains("control");
        assertThat(PlainTextValidator.problem("a\u0000b", 50)).contains("control");
        assertThat(PlainTextValidator.problem("a\u2028b", 50)).contains("control");
        assertThat(PlainTextValidator.problem("abc\u202Egnp.exe", 50)).contains("control");
        assertThat(PlainTextValidator.problem("a\u0085b", 50)).contains("control");
    }
}
