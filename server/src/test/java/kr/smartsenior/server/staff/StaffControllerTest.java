package kr.smartsenior.server.staff;

import static kr.smartsenior.server.security.SecuritySlice.SITE_A;
import static kr.smartsenior.server.security.SecuritySlice.admin;
import static kr.smartsenior.server.security.SecuritySlice.staffOfSiteA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SecuritySlice;
import kr.smartsenior.server.site.SiteRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Account administration in a web slice: admins only, the password policy and site checks as field
 * problems, the password hashed and never returned, a taken name 409. The repository, sites and
 * audit log are mocked; {@code AccessIT} runs the same against a whole server.
 */
@WebMvcTest(StaffController.class)
@Import(SecuritySlice.class)
class StaffControllerTest {

    private static final String PASSWORD = "sunflower-2026";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StaffRepository accounts;
    @MockitoBean
    SiteRepository sites;
    @MockitoBean
    AuditLog audit;
    @MockitoBean
    TransactionTemplate tx;

    @BeforeEach
    void oneSite() {
        when(sites.exists(SITE_A)).thenReturn(true);
    }

    @Test
    void accountsAreForAdminsOnly() throws Exception {
        mvc.perform(get("/api/staff").with(staffOfSiteA()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(create("kim", PASSWORD, "STAFF", SITE_A).with(staffOfSiteA())).andExpect(status().isForbidden());

        verify(accounts, never()).add(anyString(), anyString(), anyString(), anyList(), any());
    }

    @Test
    void anAdminCreatesAStaffAccountStoringOnlyTheHash() throws Exception {
        when(accounts.add(eq("kim"), anyString(), eq("STAFF"), eq(List.of(SITE_A)), any())).thenReturn(true);
        when(accounts.find("kim")).thenReturn(Optional.of(
                new StaffRepository.Account("kim", "STAFF", List.of(SITE_A), "2026-01-01T00:00:00Z", false)));

        mvc.perform(create("kim", PASSWORD, "STAFF", SITE_A).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.siteIds[0]").value(SITE_A))
                .andExpect(content().string(not(containsString(PASSWORD))));

        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(accounts).add(eq("kim"), hash.capture(), eq("STAFF"), eq(List.of(SITE_A)), any());
        assertThat(hash.getValue()).startsWith("$2").doesNotContain(PASSWORD);
        verify(audit).record(eq("admin"), eq(StaffController.CREATE_STAFF), any(), any(), anyString());
    }

    @Test
    void refusalsNameTheFieldAndCreateNothing() throws Exception {
        expectFieldProblem(create("kim", "short1", "STAFF", SITE_A), "password");
        expectFieldProblem(create("kim", "kim-password-1", "STAFF", SITE_A), "password"); // contains the name
        expectFieldProblem(create("kim", PASSWORD, "STAFF"), "siteIds");
        expectFieldProblem(create("kim", PASSWORD, "STAFF", "nowhere"), "siteIds");
        expectFieldProblem(create("root2", PASSWORD, "ADMIN", SITE_A), "siteIds");
        expectFieldProblem(create("kim", PASSWORD, "OWNER", SITE_A), "role");
        expectFieldProblem(create("Kim<script>", PASSWORD, "STAFF", SITE_A), "username");

        verify(accounts, never()).add(anyString(), anyString(), anyString(), anyList(), any());
    }

    @Test
    void aTakenUserNameIs409() throws Exception {
        when(accounts.add(eq("kim"), anyString(), eq("STAFF"), anyList(), any())).thenReturn(false);

        mvc.perform(create("kim", PASSWORD, "STAFF", SITE_A).with(admin())).andExpect(status().isConflict());
        verify(audit, never()).record(anyString(), anyString(), any(), any(), any());
    }

    private void expectFieldProblem(MockHttpServletRequestBuilder request, String field) throws Exception {
        mvc.perform(request.with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private static MockHttpServletRequestBuilder create(String username, String password, String role,
            String... siteIds) {
        String sites = String.join(",", Arrays.stream(siteIds).map(id -> "\"" + id + "\"").toList());
        return post("/api/staff").contentType(MediaType.APPLICATION_JSON).content("""
                {"username": "%s", "password": "%s", "role": "%s", "siteIds": [%s]}"""
                .formatted(username, password, role, sites));
    }
}
