package kr.smartsenior.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The site overview's absence chip follows the alert inbox's setting, to the moment. */
class SiteOverviewAbsenceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");

    @Test
    void absentFromTheSameMomentTheInboxRaisesItsAlert() {
        long exactly14 = NOW.minus(Duration.ofDays(14)).toEpochMilli();
        assertThat(SiteOverview.absence(exactly14, NOW, 14)).isEqualTo("14일 이상 결석");
        assertThat(SiteOverview.absence(exactly14 + 1, NOW, 14)).isNull();
        // 20 days: absent with the default 14, not with a site that set 28
        long twentyDays = NOW.minus(Duration.ofDays(20)).toEpochMilli();
        assertThat(SiteOverview.absence(twentyDays, NOW, 14)).isEqualTo("14일 이상 결석");
        assertThat(SiteOverview.absence(twentyDays, NOW, 28)).isNull();
        assertThat(SiteOverview.absence(NOW.minus(Duration.ofDays(3)).toEpochMilli(), NOW, 2)).isEqualTo("2일 이상 결석");
    }

    @Test
    void neverCameIsNotAnAbsence() {
        assertThat(SiteOverview.absence(0, NOW, 14)).isEqualTo("방문 기록 없음");
    }

    @Test
    void theOverviewReadsTheInboxsSetting() throws Exception {
        // both read ssc.alert.absence-days (SSC_ALERT_ABSENCE_DAYS), defaulting to 14
        var constructor = SiteOverview.class.getDeclaredConstructors()[0];
        var value = constructor.getParameters()[4]
                .getAnnotation(org.springframework.beans.factory.annotation.Value.class);
        assertThat(value.value()).isEqualTo("${ssc.alert.absence-days}");
        Properties properties = new Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("ssc.alert.absence-days")).isEqualTo("${SSC_ALERT_ABSENCE_DAYS:14}");
    }
}
