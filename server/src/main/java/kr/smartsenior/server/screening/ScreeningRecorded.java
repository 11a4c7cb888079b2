package kr.smartsenior.server.screening;

/** A Spring application event: a screening was stored (committed) for this member. */
public record ScreeningRecorded(String memberId, String siteId) {
}
