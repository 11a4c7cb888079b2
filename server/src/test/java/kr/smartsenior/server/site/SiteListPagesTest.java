package kr.smartsenior.server.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteListPagesTest {

    @Test
    void aGoodSiteHasNoProblems() {
        assertThat(SiteListPages.check(new SiteListPages.NewSiteForm("gangseo-01", "햇살 경로당", "", "1"))).isEmpty();
        assertThat(SiteListPages.check(new SiteListPages.NewSiteForm("gangseo-01", "햇살 경로당", "서울 강서구", ""))).isEmpty();
    }

    @Test
    void eachFieldSaysWhatIsWrongInKorean() {
        var errors = SiteListPages.check(new SiteListPages.NewSiteForm("Gangseo 01", "", "줄\n바꿈", "0"));
        assertThat(errors).containsOnlyKeys("id", "name", "address", "wave");
        assertThat(errors.get("id")).contains("영문 소문자, 숫자, 하이픈");
        assertThat(errors.get("name")).contains("1~100자");
        assertThat(errors.get("wave")).contains("1~99");
        assertThat(SiteListPages.check(new SiteListPages.NewSiteForm("a".repeat(33), "이".repeat(101), "", "x")))
                .containsOnlyKeys("id", "name", "wave");
    }

    @Test
    void wavesAreOptionalAndLabelledWithThePlannedTotals() {
        assertThat(Waves.parse(" ")).isNull();
        assertThat(Waves.parse("3")).isEqualTo(3);
        assertThat(Waves.parse("99")).isEqualTo(99);
        assertThatThrownBy(() -> Waves.parse("100")).hasMessage(Waves.PROBLEM);
        assertThat(Waves.label(1)).isEqualTo("1차 (누적 9곳)");
        assertThat(Waves.label(3)).isEqualTo("3차 (누적 21곳)");
        assertThat(Waves.label(null)).isEqualTo("미정");
        assertThat(Waves.choices(7)).containsKeys("", "1", "2", "3", "7");
        assertThat(Waves.choices(2)).hasSize(4);
    }
}
