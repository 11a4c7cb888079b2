package kr.smartsenior.server.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Releases, campaigns and each device's step, in tables {@code update_release}, {@code update_campaign(_device)}. */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Release(String version, String sha256, long sizeBytes, long uploadedAtMs, String uploadedBy) {
    }

    record Campaign(long id, String releaseVersion, CampaignState state, String stateReason, String targets,
            String canaryDeviceId, String baseUrl, int failuresAccepted, long createdAtMs, String createdBy, Long endedAtMs) {
    }

    record DeviceRow(long campaignId, String deviceId, String siteId, int stage, DeviceStep step, String problem, String detail,
            String runningVersion, Long toldAtMs, long updatedAtMs) {

        CampaignPlan.Device planned() {
            return new CampaignPlan.Device(deviceId, stage, step);
        }
    }

    // ---- releases ----

    void insertRelease(Release release) {
        jdbc.sql("INSERT INTO update_release (version, sha256, size_bytes, uploaded_at_ms, uploaded_by) VALUES (?, ?, ?, ?, ?)")
                .params(release.version(), release.sha256(), release.sizeBytes(), release.uploadedAtMs(), release.uploadedBy())
                .update();
    }

    Optional<Release> release(String version) {
        return jdbc.sql("SELECT version, sha256, size_bytes, uploaded_at_ms, uploaded_by FROM update_release WHERE version = ?")
                .param(version).query(CampaignRepository::release).optional();
    }

    List<Release> releases() {
        return jdbc.sql("SELECT version, sha256, size_bytes, uploaded_at_ms, uploaded_by FROM update_release"
                + " ORDER BY uploaded_at_ms DESC, version").query(CampaignRepository::release).list();
    }

    private static Release release(ResultSet rs, int n) throws SQLException {
        return new Release(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
    }

    // ---- campaigns ----

    private static final String CAMPAIGN = "SELECT id, release_version, state, state_reason, targets, canary_device_id, base_url,"
            + " failures_accepted, created_at_ms, created_by, ended_at_ms FROM update_campaign";

    long nextCampaignId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM update_campaign").query(Long.class).single();
    }

    void insertCampaign(Campaign campaign) {
        jdbc.sql("""
                INSERT INTO update_campaign (id, release_version, state, state_reason, targets, canary_device_id, base_url,
                                             failures_accepted, created_at_ms, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaign.id(), campaign.releaseVersion(), campaign.state().name(), campaign.stateReason(),
                        campaign.targets(), campaign.canaryDeviceId(), campaign.baseUrl(), campaign.failuresAccepted(),
                        campaign.createdAtMs(), campaign.createdBy())
                .update();
    }

    Optional<Campaign> campaign(long id) {
        return jdbc.sql(CAMPAIGN + " WHERE id = ?").param(id).query(CampaignRepository::campaign).optional();
    }

    List<Campaign> campaigns() {
        return jdbc.sql(CAMPAIGN + " ORDER BY id DESC").query(CampaignRepository::campaign).list();
    }

    List<Campaign> active() {
        return jdbc.sql(CAMPAIGN + " WHERE state IN ('RUNNING', 'PAUSED') ORDER BY id").query(CampaignRepository::campaign).list();
    }

    void setState(long id, CampaignState state, String reason, Long endedAtMs) {
        jdbc.sql("UPDATE update_campaign SET state = ?, state_reason = ?, ended_at_ms = ? WHERE id = ?")
                .params(state.name(), reason, endedAtMs, id).update();
    }

    void acceptFailures(long id, int failures) {
        jdbc.sql("UPDATE update_campaign SET failures_accepted = ? WHERE id = ?").params(failures, id).update();
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        long ended = rs.getLong("ended_at_ms");
        Long endedAt = rs.wasNull() ? null : ended;
        return new Campaign(rs.getLong("id"), rs.getString("release_version"), CampaignState.valueOf(rs.getString("state")),
                rs.getString("state_reason"), rs.getString("targets"), rs.getString("canary_device_id"), rs.getString("base_url"),
                rs.getInt("failures_accepted"), rs.getLong("created_at_ms"), rs.getString("created_by"), endedAt);
    }

    // ---- devices of a campaign ----

    void insertDevice(long campaignId, String deviceId, String siteId, int stage, long nowMs) {
        jdbc.sql("""
                INSERT INTO update_campaign_device (campaign_id, device_id, site_id, stage, step, updated_at_ms)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(campaignId, deviceId, siteId, stage, DeviceStep.WAITING.name(), nowMs).update();
    }

    List<DeviceRow> devices(long campaignId) {
        return jdbc.sql("""
                SELECT campaign_id, device_id, site_id, stage, step, problem, detail, running_version, told_at_ms, updated_at_ms
                FROM update_campaign_device WHERE campaign_id = ? ORDER BY stage, site_id, device_id""")
                .param(campaignId).query(CampaignRepository::device).list();
    }

    Optional<DeviceRow> device(long campaignId, String deviceId) {
        return jdbc.sql("""
                SELECT campaign_id, device_id, site_id, stage, step, problem, detail, running_version, told_at_ms, updated_at_ms
                FROM update_campaign_device WHERE campaign_id = ? AND device_id = ?""")
                .params(campaignId, deviceId).query(CampaignRepository::device).optional();
    }

    void told(long campaignId, String deviceId, long nowMs) {
        jdbc.sql("UPDATE update_campaign_device SET step = ?, told_at_ms = ?, updated_at_ms = ? WHERE campaign_id = ? AND device_id = ?")
                .params(DeviceStep.TOLD.name(), nowMs, nowMs, campaignId, deviceId).update();
    }

    void setStep(long campaignId, String deviceId, DeviceStep step, String problem, String detail, String runningVersion,
            long nowMs) {
        jdbc.sql("""
                UPDATE update_campaign_device SET step = ?, problem = ?, detail = ?, running_version = COALESCE(?, running_version),
                       updated_at_ms = ?
                WHERE campaign_id = ? AND device_id = ?""")
                .params(step.name(), problem, detail, runningVersion, nowMs, campaignId, deviceId).update();
    }

    private static DeviceRow device(ResultSet rs, int n) throws SQLException {
        long told = rs.getLong("told_at_ms");
        Long toldAt = rs.wasNull() ? null : told;
        return new DeviceRow(rs.getLong("campaign_id"), rs.getString("device_id"), rs.getString("site_id"), rs.getInt("stage"),
                DeviceStep.valueOf(rs.getString("step")), rs.getString("problem"), rs.getString("detail"),
                rs.getString("running_version"), toldAt, rs.getLong("updated_at_ms"));
    }
}
