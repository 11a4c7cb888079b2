package kr.smartsenior.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class DevicePagesTest {

    private static final Principal ADMIN = () -> "admin";
    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");

    private final SiteRepository sites = mock(SiteRepository.class);
    private final ProvisionedDevices devices = mock(ProvisionedDevices.class);
    private final Provisioning provisioning = mock(Provisioning.class);
    private final AuditLog audit = mock(AuditLog.class);
    private Long backlog;

    private DevicePages pages() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("lastSeen", (DeviceLastSeen) (site, device) ->
                Optional.of(new DeviceLastSeen.Seen(true, NOW, NOW, backlog, null)));
        return new DevicePages(sites, devices, mock(Enrollments.class), mock(EnrollmentController.class), provisioning,
                beans.getBeanProvider(DeviceLastSeen.class), mock(SiteAccess.class), audit, ZoneId.of("Asia/Seoul"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String move(RedirectAttributesModelMap redirect) {
        when(devices.find("k1")).thenReturn(Optional.of(new ProvisionedDevices.Device("k1", "old", "k1", "rev-a",
                NOW.toString(), NOW.toEpochMilli(), null)));
        when(sites.find("new")).thenReturn(Optional.of(new Site("new", "새 경로당", NOW.toString(), null, null, 1)));
        when(sites.name("old")).thenReturn(Optional.of("옛 경로당"));
        return pages().move("k1", "new", "on", ADMIN, new MockHttpServletRequest(), redirect);
    }

    @Test
    void aKioskWithUnsentResultsIsNotMoved() {
        backlog = 3L;
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        assertThat(move(redirect)).isEqualTo("redirect:/admin/sites/old/devices");
        assertThat((String) redirect.getFlashAttributes().get("problem")).contains("보내지 않은 기록이 3건");
        verify(provisioning, never()).revoke(anyString(), anyString());
        verify(audit, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void anEmptyKioskIsRevokedHereAndTheAdminGoesOnAtTheNewSite() {
        backlog = 0L;
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        assertThat(move(redirect)).isEqualTo("redirect:/admin/sites/new/devices");
        assertThat((String) redirect.getFlashAttributes().get("done")).contains("옛 경로당에서 해지했습니다", "새 등록 코드");
        verify(provisioning).revoke("k1", "admin");
        verify(audit).record(eq("admin"), eq(AuditLog.MOVE_DEVICE), eq(null), eq("old"), any());
        verify(audit).record(eq("admin"), eq(AuditLog.MOVE_DEVICE), eq(null), eq("new"), any());
        verify(audit, times(2)).record(any(), any(), any(), any(), any());
    }

    @Test
    void aMoveWithoutTheConfirmationOrToTheSameSiteChangesNothing() {
        backlog = 0L;
        when(devices.find("k1")).thenReturn(Optional.of(new ProvisionedDevices.Device("k1", "old", "k1", "rev-a",
                NOW.toString(), NOW.toEpochMilli(), null)));
        when(sites.find("new")).thenReturn(Optional.of(new Site("new", "새 경로당", NOW.toString(), null, null, 1)));
        when(sites.find("old")).thenReturn(Optional.of(new Site("old", "옛 경로당", NOW.toString(), null, null, 1)));
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        pages().move("k1", "new", null, ADMIN, new MockHttpServletRequest(), redirect);
        assertThat((String) redirect.getFlashAttributes().get("problem")).contains("확인란");
        pages().move("k1", "old", "on", ADMIN, new MockHttpServletRequest(), redirect);
        pages().move("k1", "ALL!", "on", ADMIN, new MockHttpServletRequest(), redirect);
        verify(provisioning, never()).revoke(anyString(), anyString());
    }

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
