package kr.smartsenior.server.update;

/** Where a campaign is. */
enum CampaignState {
    /** Devices are told stage by stage. */
    RUNNING("진행 중"),
    /** No device is told any more; those told and not begun had their command withdrawn. Resuming goes on. */
    PAUSED("일시 정지"),
    /** Ended by an admin: devices that had not begun never will. */
    STOPPED("중지됨"),
    /** Every device finished. */
    DONE("끝남");

    private final String korean;

    CampaignState(String korean) {
        this.korean = korean;
    }

    String korean() {
        return korean;
    }

    boolean active() {
        return this == RUNNING || this == PAUSED;
    }
}
