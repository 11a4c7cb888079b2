package kr.smartsenior.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kr.smartsenior.server.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void boundariesAreMidnightInSeoulNotUtc() {
        Quarter q3 = new Quarter(2026, 3);
        assertThat(q3.start()).isEqualTo(Instant.parse("2026-06-30T15:00:00Z"));
        assertThat(q3.end()).isEqualTo(Instant.parse("2026-09-30T15:00:00Z"));
        assertThat(q3.koreanRange()).isEqualTo("2026년 7월 1일 ~ 9월 30일");
        assertThat(new Quarter(2026, 1).koreanRange()).isEqualTo("2026년 1월 1일 ~ 3월 31일");
        // 1 July 08:59 KST is still Q3; 30 June 23:59 KST (14:59 UTC) is Q2, though UTC says 30 June either way
        assertThat(Quarter.containing(Instant.parse("2026-06-30T15:00:00Z"))).isEqualTo(q3);
        assertThat(Quarter.containing(Instant.parse("2026-06-30T14:59:59Z"))).isEqualTo(new Quarter(2026, 2));
        // 31 December 20:00 UTC is 1 January in Seoul
        assertThat(Quarter.containing(Instant.parse("2026-12-31T20:00:00Z"))).isEqualTo(new Quarter(2027, 1));
    }

    @Test
    void lastCompleteQuarterTurnsAtSeoulMidnight() {
        Clock justBefore = Clock.fixed(Instant.parse("2026-09-30T14:59:59Z"), ZoneOffset.UTC);
        Clock justAfter = Clock.fixed(Instant.parse("2026-09-30T15:00:00Z"), ZoneOffset.UTC);
        assertThat(Quarter.lastComplete(justBefore)).isEqualTo(new Quarter(2026, 2));
        assertThat(Quarter.lastComplete(justAfter)).isEqualTo(new Quarter(2026, 3));
        assertThat(new Quarter(2026, 3).complete(justAfter)).isTrue();
        assertThat(new Quarter(2026, 3).complete(justBefore)).isFalse();
        Clock newYear = Clock.fixed(Instant.parse("2027-01-10T00:00:00Z"), ZoneOffset.UTC);
        assertThat(Quarter.lastComplete(newYear)).isEqualTo(new Quarter(2026, 4));
    }

    @Test
    void previousCrossesTheYear() {
        assertThat(new Quarter(2027, 1).previous()).isEqualTo(new Quarter(2026, 4));
        assertThat(new Quarter(2026, 4).previous()).isEqualTo(new Quarter(2026, 3));
    }

    @Test
    void refusesQuartersThatDoNotExist() {
        assertThatThrownBy(() -> new Quarter(2026, 5)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new Quarter(2026, 0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new Quarter(1999, 1)).isInstanceOf(InvalidFieldException.class);
    }
}
