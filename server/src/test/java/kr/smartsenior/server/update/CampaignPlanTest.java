package kr.smartsenior.server.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The campaign's rules: the canary gates the rest, waves go in order, a failure halts, pause tells no one. */
class CampaignPlanTest {

    private static CampaignPlan.Device d(String id, int stage, DeviceStep step) {
        return new CampaignPlan.Device(id, stage, step);
    }

    /** A canary, three kiosks in wave 1 (stage 1), two in wave 2 (stage 2). */
    private static List<CampaignPlan.Device> campaign(DeviceStep canary, DeviceStep wave1, DeviceStep wave2) {
        List<CampaignPlan.Device> devices = new ArrayList<>();
        devices.add(d("canary", 0, canary));
        for (String id : List.of("w1-a", "w1-b", "w1-c")) {
            devices.add(d(id, 1, wave1));
        }
        for (String id : List.of("w2-a", "w2-b")) {
            devices.add(d(id, 2, wave2));
        }
        return devices;
    }

    @Test
    void onlyTheCanaryIsToldFirstAndTheRestWaitUntilItIsHealthy() {
        assertThat(CampaignPlan.next(CampaignState.RUNNING, 0, campaign(DeviceStep.WAITING, DeviceStep.WAITING, DeviceStep.WAITING)).tell())
                .containsExactly("canary");
        for (DeviceStep underway : List.of(DeviceStep.TOLD, DeviceStep.RECEIVED, DeviceStep.DOWNLOADING, DeviceStep.VERIFIED,
                DeviceStep.INSTALLING)) {
            CampaignPlan.Decision decision = CampaignPlan.next(CampaignState.RUNNING, 0,
                    campaign(underway, DeviceStep.WAITING, DeviceStep.WAITING));
            assertThat(decision.tell()).as(underway.name()).isEmpty();
            assertThat(decision.halt()).isNull();
            assertThat(decision.done()).isFalse();
        }
        assertThat(CampaignPlan.next(CampaignState.RUNNING, 0, campaign(DeviceStep.HEALTHY, DeviceStep.WAITING, DeviceStep.WAITING)).tell())
                .containsExactly("w1-a", "w1-b", "w1-c");
    }

    @Test
    void aCanaryThatRolledBackHaltsTheCampaignAndNobodyElseIsTold() {
        CampaignPlan.Decision decision = CampaignPlan.next(CampaignState.RUNNING, 0,
                campaign(DeviceStep.ROLLED_BACK, DeviceStep.WAITING, DeviceStep.WAITING));
        assertThat(decision.tell()).isEmpty();
        assertThat(decision.halt()).contains("시범 기기 canary", "되돌려졌습니다");
    }

    @Test
    void wavesGoInOrderEachOnceThePreviousHasFinished() {
        List<CampaignPlan.Device> devices = campaign(DeviceStep.HEALTHY, DeviceStep.HEALTHY, DeviceStep.WAITING);
        devices.set(2, d("w1-b", 1, DeviceStep.INSTALLING));
        assertThat(CampaignPlan.next(CampaignState.RUNNING, 0, devices).tell()).as("wave 1 not finished").isEmpty();

        assertThat(CampaignPlan.next(CampaignState.RUNNING, 0, campaign(DeviceStep.HEALTHY, DeviceStep.HEALTHY, DeviceStep.WAITING)).tell())
                .containsExactly("w2-a", "w2-b");
        assertThat(CampaignPlan.next(CampaignState.RUNNING, 0, campaign(DeviceStep.HEALTHY, DeviceStep.HEALTHY, DeviceStep.HEALTHY)).done())
                .isTrue();
    }

    @Test
    void aFailureInAWaveHaltsUntilResumedPastIt() {
        List<CampaignPlan.Device> devices = campaign(DeviceStep.HEALTHY, DeviceStep.HEALTHY, DeviceStep.WAITING);
        devices.set(3, d("w1-c", 1, DeviceStep.FAILED));

        CampaignPlan.Decision halted = CampaignPlan.next(CampaignState.RUNNING, 0, devices);
        assertThat(halted.tell()).isEmpty();
        assertThat(halted.halt()).contains("1대", "w1-c");

        CampaignPlan.Decision resumed = CampaignPlan.next(CampaignState.RUNNING, 1, devices);
        assertThat(resumed.halt()).isNull();
        assertThat(resumed.tell()).containsExactly("w2-a", "w2-b");
    }

    @Test
    void aPausedOrStoppedCampaignTellsNobody() {
        for (CampaignState state : List.of(CampaignState.PAUSED, CampaignState.STOPPED, CampaignState.DONE)) {
            CampaignPlan.Decision decision = CampaignPlan.next(state, 0,
                    campaign(DeviceStep.HEALTHY, DeviceStep.WAITING, DeviceStep.WAITING));
            assertThat(decision.tell()).as(state.name()).isEmpty();
            assertThat(decision.done()).isFalse();
        }
    }

    @Test
    void withoutACanaryTheFirstWaveStartsAtOnceAndCancelledDevicesCountAsFinished() {
        List<CampaignPlan.Device> devices = List.of(d("a", 1, DeviceStep.WAITING), d("b", 1, DeviceStep.WAITING),
                d("c", 2, DeviceStep.WAITING));
        assertThat(CampaignPlan.next(CampaignState.RUNNING, 0, devices).tell()).containsExactly("a", "b");
        assertThat(CampaignPlan.next(CampaignState.RUNNING, 0, List.of(d("a", 1, DeviceStep.CANCELLED),
                d("c", 2, DeviceStep.WAITING))).tell()).containsExactly("c");
    }
}
