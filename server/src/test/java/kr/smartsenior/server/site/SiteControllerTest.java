package kr.smartsenior.server.site;

import static kr.smartsenior.server.security.SecuritySlice.SITE_A;
import static kr.smartsenior.server.security.SecuritySlice.SITE_B;
import static kr.smartsenior.server.security.SecuritySlice.admin;
import static kr.smartsenior.server.security.SecuritySlice.staffOfSiteB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import kr.smartsenior.server.security.SecuritySlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Sites in a web slice: a STAFF account lists only its own sites; only admins create one, which is announced. */
@WebMvcTest(SiteController.class)
@Import(SecuritySlice.class)
@RecordApplicationEvents
class SiteControllerTest {

    private static final String NEW_SITE = """
            {"id": "site-c", "name": "새 경로당"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;
    @MockitoBean
    SiteRepository sites;

    @Test
    void staffSeeOnlyTheSitesTheyAreAssignedTo() throws Exception {
        when(sites.all()).thenReturn(List.of(site(SITE_A), site(SITE_B)));

        mvc.perform(get("/api/sites").with(staffOfSiteB())).andExpect(jsonPath("$[*].id").value(contains(SITE_B)));
        mvc.perform(get("/api/sites").with(admin())).andExpect(jsonPath("$[*].id").value(contains(SITE_A, SITE_B)));
    }

    @Test
    void onlyAdminsCreateASiteAndItsKiosksAreToldAtOnce() throws Exception {
        when(sites.create(anyString(), anyString(), any(), any(), any())).thenReturn(site("site-c"));

        mvc.perform(post("/api/sites").with(staffOfSiteB()).contentType(MediaType.APPLICATION_JSON).content(NEW_SITE))
                .andExpect(status().isForbidden());
        verify(sites, never()).create(anyString(), anyString(), any(), any(), any());
        assertThat(events.stream(SiteCreated.class)).isEmpty();

        mvc.perform(post("/api/sites").with(admin()).contentType(MediaType.APPLICATION_JSON).content(NEW_SITE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("site-c"));
        assertThat(events.stream(SiteCreated.class)).containsExactly(new SiteCreated("site-c"));
    }

    private static Site site(String id) {
        return new Site(id, "경로당 " + id, "2026-01-01T00:00:00Z", null, null, null);
    }
}
