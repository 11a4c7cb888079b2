package kr.smartsenior.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevicePagesTest {

    @Test
    void theReservedDeviceIdIsRefusedWithItsOwnKoreanMessage() {
        assertThat(DevicePages.deviceIdProblem("all")).hasValueSatisfying(m -> assertThat(m).contains("‘all’", "예약어"));
    }

    @Test
    void otherIdsFollowTheTopicRules() {
        assertThat(DevicePages.deviceIdProblem("")).isEmpty();
        assertThat(DevicePages.deviceIdProblem("kiosk-01")).isEmpty();
        assertThat(DevicePages.deviceIdProblem("alle")).isEmpty();
        assertThat(DevicePages.deviceIdProblem("Kiosk 1")).hasValue(DevicePages.DEVICE_ID_RULE);
        assertThat(DevicePages.deviceIdProblem("-kiosk")).hasValue(DevicePages.DEVICE_ID_RULE);
        assertThat(DevicePages.deviceIdProblem("k".repeat(33))).hasValue(DevicePages.DEVICE_ID_RULE);
    }
}
