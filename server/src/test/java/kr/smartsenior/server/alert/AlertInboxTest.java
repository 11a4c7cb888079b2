package kr.smartsenior.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;

/** The inbox page over what the store gives, without a database: the mix of alerts a real site has. */
class AlertInboxTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");

    @Test
    void aPageWithAnAbsenceAndASitesOwnAlertShowsBothWithTheContactsOfTheAbsentSenior() {
        AlertStore store = mock(AlertStore.class);
        SiteAccess access = mock(SiteAccess.class);
        SiteRepository sites = mock(SiteRepository.class);
        MemberDirectory members = mock(MemberDirectory.class);
        Principal kim = () -> "kim";
        when(sites.all()).thenReturn(List.of(new Site("haetsal", "햇살 경로당", NOW.toString(), null, Map.of(), 1, null)));
        when(access.visible(any(), anyList(), any())).thenAnswer(call -> call.getArgument(1));
        when(access.restrictedTo(kim)).thenReturn(Set.of("haetsal"));
        // an absence (a senior's, contacts looked up) and a site's unvalidated test (no senior) on one page:
        // the admin's home once failed on exactly this
        AlertStore.Row absence = new AlertStore.Row("a-1", "M7K2Q9XD4T", "김순자", "haetsal", AlertKind.ABSENCE, 3,
                NOW.minusSeconds(86_400), "30일째 오지 않음", AlertStore.Status.OPEN, null, null, null, null);
        AlertStore.Row siteAlert = new AlertStore.Row("a-2", null, null, "haetsal", AlertKind.UNVALIDATED, 2,
                NOW.minusSeconds(3_600), "3m 표적 돌아오기: 손 측정 비교 1/30건", AlertStore.Status.OPEN, null, null, null,
                null);
        when(store.page(any(), any(), any(), any(), any(), anyInt(), anyInt())).thenReturn(
                new AlertStore.Page(List.of(absence, siteAlert), 2, 1, 1, Map.of(AlertKind.ABSENCE, 1)));
        MemberDirectory.Contacts contacts = new MemberDirectory.Contacts("M7K2Q9XD4T", "010-2345-6789", "박민수",
                "010-9876-5432", "아들");
        when(members.contactsOf(eq(kim), eq(List.of("M7K2Q9XD4T")), any())).thenReturn(Map.of("M7K2Q9XD4T", contacts));
        ExtendedModelMap model = new ExtendedModelMap();

        new AlertInbox(store, access, sites, members, mock(AuditLog.class), Clock.fixed(NOW, ZoneOffset.UTC))
                .inbox(new AlertInbox.Filter(null, null, null, null, null), kim, new MockHttpServletRequest(), model);

        @SuppressWarnings("unchecked")
        List<AlertInbox.Item> items = (List<AlertInbox.Item>) model.getAttribute("items");
        assertThat(items).extracting(AlertInbox.Item::row).containsExactly(absence, siteAlert);
        assertThat(items.get(0).contacts()).isEqualTo(contacts);
        assertThat(items.get(1).contacts()).isNull();
        assertThat(items).extracting(AlertInbox.Item::siteName).containsOnly("햇살 경로당");
    }
}
