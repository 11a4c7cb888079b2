package kr.smartsenior.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.server.site.OpeningHours;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static ZonedDateTime seoul(String local) {
        return ZonedDateTime.parse(local + "+09:00[Asia/Seoul]");
    }

    @Test
    void openOnlyWithinTheRangesOfTheDay() {
        OpeningHours hours = OpeningHours.parse(Map.of("mon", "09:00-12:00,13:00-18:00", "sat", "10:00-24:00"));
        assertThat(hours.isOpen(seoul("2026-11-23T09:00"))).as("Monday 09:00").isTrue();
        assertThat(hours.isOpen(seoul("2026-11-23T12:30"))).as("Monday lunch").isFalse();
        assertThat(hours.isOpen(seoul("2026-11-23T18:00"))).as("Monday closing time").isFalse();
        assertThat(hours.isOpen(seoul("2026-11-24T10:00"))).as("Tuesday is missing: closed").isFalse();
        assertThat(hours.isOpen(seoul("2026-11-28T23:59"))).as("Saturday until midnight").isTrue();
        assertThat(OpeningHours.always().isOpen(seoul("2026-11-24T03:00"))).isTrue();
        assertThat(hours.asMap()).containsExactly(Map.entry("mon", "09:00-12:00,13:00-18:00"), Map.entry("sat", "10:00-24:00"));
    }

    @Test
    void mistakesAreNamed() {
        assertThat(OpeningHours.problem(Map.of("monday", "09:00-18:00"))).get().asString().contains("unknown day 'monday'");
        assertThat(OpeningHours.problem(Map.of("mon", "9-18"))).contains("mon: '9-18' is not HH:MM-HH:MM");
        assertThat(OpeningHours.problem(Map.of("tue", "18:00-09:00"))).contains("tue: '18:00-09:00' ends before it starts");
        Map<String, String> closed = new LinkedHashMap<>();
        closed.put("sun", null);
        assertThat(OpeningHours.problem(closed)).isEmpty();
        assertThatThrownBy(() -> OpeningHours.parse(Map.of("wed", "25:00-26:00"))).isInstanceOf(IllegalArgumentException.class);
    }
}
