package kr.smartsenior.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kr.smartsenior.server.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests count as sent from another origin's page; the browser's view is in {@code CrossSiteBrowserIT}. */
class CrossSiteRequestsTest {

    private final AuditLog audit = mock(AuditLog.class);
    private final CrossSiteRequests filter = new CrossSiteRequests(new ProblemResponses(new ObjectMapper(), audit), audit,
            List.of("https://ssc.gangseo.go.kr"));

    @Test
    void anotherOriginOrAnotherSitesPageIsCrossSite() {
        assertThat(filter.crossSite(post(null, "http://evil.example"))).isTrue();
        assertThat(filter.crossSite(post(null, "null"))).isTrue();
        assertThat(filter.crossSite(post(null, "http://127.0.0.1:9999"))).as("another port").isTrue();
        assertThat(filter.crossSite(post("cross-site", null))).isTrue();
        assertThat(filter.crossSite(post("same-site", null))).as("a sibling origin").isTrue();
        assertThat(filter.crossSite(post("same-origin", "http://evil.example"))).isTrue();
    }

    @Test
    void theServersOwnPagesScriptsAndTheAllowedOriginAreNot() {
        assertThat(filter.crossSite(post("same-origin", "http://127.0.0.1:8080"))).isFalse();
        assertThat(filter.crossSite(post(null, "HTTP://127.0.0.1:8080"))).isFalse();
        assertThat(filter.crossSite(post("none", null))).as("typed in the address bar").isFalse();
        assertThat(filter.crossSite(post(null, null))).as("a script").isFalse();
        assertThat(filter.crossSite(post(null, "https://ssc.gangseo.go.kr"))).as("SSC_ALLOWED_ORIGINS").isFalse();
    }

    @Test
    void aRefusalIs403AndAuditedAndAReadPasses() throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(post("cross-site", "http://evil.example"), refused, chain);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(chain.getRequest()).as("not passed on").isNull();
        verify(audit).record(eq("anonymous"), eq(AuditLog.REFUSED_CROSS_SITE), any(), any(), eq("127.0.0.1"));

        MockHttpServletRequest read = post("cross-site", "http://evil.example");
        read.setMethod("GET");
        MockFilterChain passed = new MockFilterChain();
        filter.doFilter(read, new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).isNotNull();
        verify(audit, never()).record(any(), eq(AuditLog.REFUSED), any(), any(), any());
    }

    private static MockHttpServletRequest post(String fetchSite, String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/members/X/card/reissue");
        request.addHeader("Host", "127.0.0.1:8080");
        request.setRemoteAddr("127.0.0.1");
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        return request;
    }
}
