package kr.smartsenior.server.member;

import static kr.smartsenior.server.security.SecuritySlice.SITE_A;
import static kr.smartsenior.server.security.SecuritySlice.SITE_B;
import static kr.smartsenior.server.security.SecuritySlice.staffOfSiteA;
import static kr.smartsenior.server.security.SecuritySlice.staffOfSiteB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SecuritySlice;
import kr.smartsenior.server.site.SiteRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The member registry's API in a web slice: request mapping, validation problems, and who may see
 * whom (another site's member is a 404 like an unknown one, and the refusal is audited), with the repository,
 * sites and audit log mocked. The full-server path is {@code ApiIT} and {@code AccessIT}.
 */
@WebMvcTest(MemberController.class)
@Import(SecuritySlice.class)
@RecordApplicationEvents
class MemberControllerTest {

    private static final String ID = "7K2M9Q4X1R";
    private static final Member AT_SITE_A = new Member(ID, SITE_A, "김영희", 1950, "F", null, null, null, 1);
    private static final String REGISTRATION = """
            {"siteId": "%s", "displayName": "김영희", "birthYear": 1950, "sex": "F"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;
    @MockitoBean
    ConsentWithdrawal withdrawal;
    @MockitoBean
    MemberRepository members;
    @MockitoBean
    SiteRepository sites;
    @MockitoBean
    AuditLog audit;

    @BeforeEach
    void twoSites() {
        when(sites.exists(SITE_A)).thenReturn(true);
        when(sites.exists(SITE_B)).thenReturn(true);
        when(members.find(ID)).thenReturn(Optional.of(AT_SITE_A));
    }

    @Test
    void registeringAMemberReturns201AndTellsTheRosterOnce() throws Exception {
        when(members.create(any(), eq(SecuritySlice.staffOfSiteAName()))).thenReturn(AT_SITE_A);

        mvc.perform(post("/api/members").with(staffOfSiteA()).contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTRATION.formatted(SITE_A)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.siteId").value(SITE_A));

        assertThat(events.stream(MembersChanged.class)).containsExactly(new MembersChanged(SITE_A));
        verify(audit).record(eq(SecuritySlice.staffOfSiteAName()), eq(AuditLog.CREATE_MEMBER), eq(ID), eq(SITE_A),
                anyString());
    }

    @Test
    void anInvalidRegistrationIsA400ProblemNamingEachFieldAndStoresNothing() throws Exception {
        mvc.perform(post("/api/members").with(staffOfSiteA()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"siteId": "site-a", "displayName": "김영희", "birthYear": 1800, "sex": "X"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors[*].field").value(contains("birthYear", "sex")));

        verify(members, never()).create(any(), anyString());
        assertThat(events.stream(MembersChanged.class)).isEmpty();
    }

    @Test
    void registeringAtAnUnknownSiteIsAFieldError() throws Exception {
        mvc.perform(post("/api/members").with(staffOfSiteA()).contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTRATION.formatted("nowhere")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("siteId"));
    }

    @Test
    void aMemberOfTheAccountsSiteIsShownAndTheReadAudited() throws Exception {
        mvc.perform(get("/api/members/" + ID.toLowerCase()).with(staffOfSiteA()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("김영희"));

        verify(audit).record(eq(SecuritySlice.staffOfSiteAName()), eq(AuditLog.READ_MEMBER), eq(ID), eq(SITE_A),
                anyString());
    }

    @Test
    void staffOfAnotherSiteGet404ProblemsAsForAnUnknownIdAndTheRefusalIsAudited() throws Exception {
        for (String path : List.of("/api/members/" + ID, "/api/members/" + ID + "/measurements")) {
            mvc.perform(get(path).with(staffOfSiteB()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("no member with id " + ID));
        }
        mvc.perform(get("/api/sites/" + SITE_A + "/members").with(staffOfSiteB()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no site with id " + SITE_A));
        verify(audit, org.mockito.Mockito.times(2)).record(eq("park"), eq(AuditLog.REFUSED), eq(ID), eq(SITE_A), any());
        verify(audit).record(eq("park"), eq(AuditLog.REFUSED), eq(null), eq(SITE_A), any());
        verify(audit, never()).record(anyString(), eq(AuditLog.READ_MEMBER), any(), any(), any());
    }

    @Test
    void staffCannotMoveAMemberToASiteTheyAreNotAssignedTo() throws Exception {
        mvc.perform(put("/api/members/" + ID).with(staffOfSiteA()).contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTRATION.formatted(SITE_B)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("siteId"));

        verify(members, never()).update(anyString(), any(), anyString());
        assertThat(events.stream(MembersChanged.class)).isEmpty();
    }

    @Test
    void withdrawingConsentIsTheSiteStaffsAuditedAndTheCardLeavesTheRoster() throws Exception {
        // another site's senior is answered as an unknown one (404), so the id tells nothing
        mvc.perform(post("/api/members/" + ID + "/withdrawal").with(staffOfSiteB()))
                .andExpect(status().isNotFound());
        verify(withdrawal, never()).withdraw(anyString());

        when(withdrawal.withdraw(ID)).thenReturn(Optional.of(new ConsentWithdrawal.Withdrawn(SITE_A)));
        mvc.perform(post("/api/members/" + ID + "/withdrawal").with(staffOfSiteA()))
                .andExpect(status().isNoContent());

        verify(audit).record(eq(SecuritySlice.staffOfSiteAName()), eq(AuditLog.WITHDRAW_CONSENT), eq(ID), eq(SITE_A),
                anyString());
        assertThat(events.stream(MembersChanged.class)).containsExactly(new MembersChanged(SITE_A));
    }

    @Test
    void noSeniorIsRegisteredAtOrMovedToAClosedSite() throws Exception {
        when(sites.isClosed(SITE_B)).thenReturn(true);
        mvc.perform(post("/api/members").with(SecuritySlice.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTRATION.formatted(SITE_B)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("siteId"));
        mvc.perform(put("/api/members/" + ID).with(SecuritySlice.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTRATION.formatted(SITE_B)))
                .andExpect(status().isBadRequest());

        verify(members, never()).create(any(), anyString());
        verify(members, never()).update(anyString(), any(), anyString());
    }

    @Test
    void anUnknownOrMalformedMemberIdIs404() throws Exception {
        when(members.find("0000000000")).thenReturn(Optional.empty());

        mvc.perform(get("/api/members/0000000000").with(staffOfSiteA())).andExpect(status().isNotFound());
        mvc.perform(get("/api/members/<script>").with(staffOfSiteA()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no member with id ?script?"));
    }

    @Test
    void withoutSigningInTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/members/" + ID))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate")); // no browser prompt, nothing remembered
        verify(members, never()).find(anyString());
    }
}
