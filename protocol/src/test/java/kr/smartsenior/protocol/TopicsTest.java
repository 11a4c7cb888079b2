package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void buildsAndParsesDeviceTopics() {
        String topic = Topics.of("ydp-01", "kiosk-01", Channel.MEASUREMENTS);
        assertThat(topic).isEqualTo("ssc/v1/ydp-01/kiosk-01/measurements");
        assertThat(Topics.parse(topic)).contains(new Topics.Address("ydp-01", "kiosk-01", Channel.MEASUREMENTS));
        assertThat(Topics.parse("ssc/v1/ydp-01/kiosk-01/status").orElseThrow().channel().retained()).isTrue();
    }

    @Test
    void serverFiltersCoverEveryDevice() {
        assertThat(Topics.everyDevice(Channel.MEASUREMENTS)).isEqualTo("ssc/v1/+/+/measurements");
        assertThat(Topics.sharedEveryDevice("ssc-server", Channel.MEASUREMENTS))
                .isEqualTo("$share/ssc-server/ssc/v1/+/+/measurements");
    }

    @Test
    void siteWideTopicsUseTheReservedDeviceLevel() {
        assertThat(Topics.siteWide("ydp-01", Channel.ROSTER)).isEqualTo("ssc/v1/ydp-01/all/roster");
        assertThat(Topics.isValidDeviceId(Topics.SITE_WIDE)).isFalse();
        assertThat(Topics.isValidDeviceId("kiosk-01")).isTrue();
        assertThat(Topics.isValidDeviceId("+")).isFalse();
    }

    @Test
    void rejectsTopicsThatAreNotOurs() {
        assertThat(Topics.parse("ssc/v2/a/b/measurements")).isEmpty();
        assertThat(Topics.parse("ssc/v1/a/b/c/measurements")).isEmpty();
        assertThat(Topics.parse("ssc/v1/A/b/measurements")).isEmpty();
        assertThat(Topics.parse("ssc/v1/a/b/unknown")).isEmpty();
        assertThat(Topics.parse(null)).isEmpty();
    }

    @Test
    void idsCannotCarryWildcardsOrSeparators() {
        assertThat(Topics.isValidId("ydp-01")).isTrue();
        assertThat(Topics.isValidId("+")).isFalse();
        assertThat(Topics.isValidId("#")).isFalse();
        assertThat(Topics.isValidId("a/b")).isFalse();
        assertThat(Topics.isValidId("-a")).isFalse();
        assertThat(Topics.isValidId("a".repeat(33))).isFalse();
        assertThatThrownBy(() -> Topics.of("a/b", "k", Channel.ACKS)).isInstanceOf(IllegalArgumentException.class);
    }
}
