package kr.smartsenior.server.update;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a campaign, without a database or a broker: which devices to tell next, when to halt and
 * when it is done.
 *
 * <ul>
 *   <li>Devices are told one stage at a time: stage 0 is the canary (if any), then each chosen wave in
 *       order, then sites chosen by name that belong to no chosen wave. A stage begins once every device
 *       of the stages before it has finished.</li>
 *   <li>A failure (rolled back or failed) halts the campaign: it pauses with the reason, and nobody else is
 *       told until an admin resumes past it (or stops). The canary is a stage of its own, so a release
 *       that does not work on the canary reaches no other kiosk.</li>
 * </ul>
 */
final class CampaignPlan {

    private CampaignPlan() {
    }

    /** A device of the campaign as the plan needs it. */
    record Device(String deviceId, int stage, DeviceStep step) {
    }

    /**
     * What to do now.
     *
     * @param tell devices to tell now (publish the command)
     * @param halt the reason to pause, when a new failure appeared; null otherwise
     * @param done every device finished
     */
    record Decision(List<String> tell, String halt, boolean done) {
    }

    static Decision next(CampaignState state, int failuresAccepted, List<Device> devices) {
        if (state != CampaignState.RUNNING) {
            return new Decision(List.of(), null, false);
        }
        List<Device> failed = devices.stream().filter(d -> d.step().failed()).toList();
        if (failed.size() > failuresAccepted) {
            return new Decision(List.of(), haltReason(failed), false);
        }
        Optional<Integer> current = devices.stream().filter(d -> !d.step().finished()).map(Device::stage)
                .min(Comparator.naturalOrder());
        if (current.isEmpty()) {
            return new Decision(List.of(), null, true);
        }
        List<String> tell = devices.stream().filter(d -> d.stage() == current.get() && d.step() == DeviceStep.WAITING)
                .map(Device::deviceId).sorted().toList();
        return new Decision(tell, null, false);
    }

    private static String haltReason(List<Device> failed) {
        Device first = failed.getFirst();
        String what = first.step() == DeviceStep.ROLLED_BACK ? "되돌려졌습니다" : "실패했습니다";
        if (first.stage() == 0) {
            return "시범 기기 " + first.deviceId() + "에서 업데이트가 " + what + ". 다른 기기에는 보내지 않았습니다.";
        }
        return "기기 " + failed.size() + "대에서 업데이트가 실패하거나 되돌려져 자동으로 멈췄습니다 (처음: " + first.deviceId()
                + "). 살펴본 뒤 계속하거나 중지하세요.";
    }
}
