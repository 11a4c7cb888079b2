package kr.smartsenior.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicFiltersTest {

    @Test
    void matchesSingleAndMultiLevelWildcards() {
        assertThat(TopicFilters.matches("ssc/v1/+/+/measurements", "ssc/v1/ydp-01/kiosk-1/measurements")).isTrue();
        assertThat(TopicFilters.matches("ssc/v1/+/+/measurements", "ssc/v1/ydp-01/kiosk-1/status")).isFalse();
        assertThat(TopicFilters.matches("ssc/v1/+/+/measurements", "ssc/v1/ydp-01/measurements")).isFalse();
        assertThat(TopicFilters.matches("ssc/v1/+/+/measurements", "ssc/v1/a/b/measurements/x")).isFalse();
        assertThat(TopicFilters.matches("ssc/#", "ssc/v1/a/b/c")).isTrue();
    }

    @Test
    void aSharedFilterReceivesTheTopicsOfItsPlainPart() {
        assertThat(TopicFilters.withoutShare("$share/ssc-server/ssc/v1/+/+/measurements"))
                .isEqualTo("ssc/v1/+/+/measurements");
        assertThat(TopicFilters.withoutShare("ssc/v1/+/+/status")).isEqualTo("ssc/v1/+/+/status");
    }
}
