package kr.smartsenior.server.update;

import kr.smartsenior.protocol.UpdateStep;

/**
 * A device's step in a campaign: the server's own {@link #WAITING}, {@link #TOLD} and {@link #CANCELLED},
 * and between them the kiosk's {@link UpdateStep}s, in the order they are passed.
 */
enum DeviceStep {
    /** Not told yet: its stage has not begun, or the campaign is paused. */
    WAITING("대기"),
    /** The command is published retained on its {@code update} topic; no answer yet. */
    TOLD("명령 보냄"),
    RECEIVED("명령 받음"),
    DOWNLOADING("내려받는 중"),
    VERIFIED("확인됨"),
    INSTALLING("설치 중"),
    HEALTHY("완료"),
    ROLLED_BACK("되돌림"),
    FAILED("실패"),
    /** The campaign was stopped before this device began. */
    CANCELLED("취소");

    private final String korean;

    DeviceStep(String korean) {
        this.korean = korean;
    }

    String korean() {
        return korean;
    }

    static DeviceStep of(UpdateStep step) {
        return valueOf(step.name());
    }

    /** Over for this device: it will do nothing more in this campaign. */
    boolean finished() {
        return this == HEALTHY || this == ROLLED_BACK || this == FAILED || this == CANCELLED;
    }

    /** Over, and the new version does not run. */
    boolean failed() {
        return this == ROLLED_BACK || this == FAILED;
    }

    /** The kiosk is working on it (it answered and has not finished). */
    boolean underway() {
        return ordinal() >= RECEIVED.ordinal() && ordinal() <= INSTALLING.ordinal();
    }
}
