package kr.smartsenior.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kr.smartsenior.server.web.InvalidFieldException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/tokens} (admins only, see {@code SecurityConfig}): the API tokens on one page — make one
 * (its secret shown this once), see them all, revoke one. Each action is the API controller's own
 * method, so checks and audit entries are the API's.
 */
@Controller
final class ApiTokenPages {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final ApiTokenController api;
    private final ApiTokens tokens;

    ApiTokenPages(ApiTokenController api, ApiTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    @GetMapping("/admin/tokens")
    String list(Principal principal, Model model) {
        return page(model, principal, null, null);
    }

    @PostMapping("/admin/tokens")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "READ") String scope,
            @RequestParam(required = false) List<String> siteIds, @RequestParam(defaultValue = "90") String days,
            Principal principal, HttpServletRequest request, Model model) {
        int validDays;
        try {
            validDays = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            return page(model, principal, null, "기간은 1에서 366 사이의 숫자(일)로 적어 주세요.");
        }
        if (name.isBlank() || name.codePointCount(0, name.length()) > 100
                || name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return page(model, principal, null, "토큰 이름(용도)을 100자 안의 글자로 적어 주세요.");
        }
        try {
            ApiTokenController.TokenView made = api.create(new ApiTokenController.TokenRequest(name, scope,
                    "ADMIN".equals(scope) ? List.of() : siteIds, validDays), principal, request);
            return page(model, principal, made, null);
        } catch (InvalidFieldException e) {
            return page(model, principal, null, switch (e.field()) {
                case "siteIds" -> "ADMIN이 아닌 토큰은 경로당을 하나 이상 골라야 합니다 (ADMIN 토큰은 고르지 않습니다).";
                case "days" -> "기간은 1에서 366 사이의 숫자(일)로 적어 주세요.";
                default -> "입력한 내용을 확인해 주세요.";
            });
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable String id, Principal principal, HttpServletRequest request) {
        api.revoke(id, principal, request);
        return "redirect:/admin/tokens?revoked";
    }

    private String page(Model model, Principal principal, ApiTokenController.TokenView made, String error) {
        model.addAttribute("tokens", api.list(principal).stream().map(Row::of).toList());
        model.addAttribute("sites", tokens.siteNames());
        model.addAttribute("made", made);
        model.addAttribute("error", error);
        return "tokens";
    }

    /** A token as the page shows it, in Korean and Korean time. */
    record Row(String id, String name, String scope, String sites, String createdBy, String expires, String lastUsed,
            String state, boolean active) {

        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(SEOUL);
        private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SEOUL);

        static Row of(ApiTokenController.TokenView t) {
            String scope = switch (t.scope()) {
                case "READ" -> "읽기 전용";
                case "SITES" -> "읽기와 변경";
                default -> "관리자";
            };
            return new Row(t.id(), t.name(), scope, t.siteIds().isEmpty() ? "모두" : String.join(", ", t.siteIds()),
                    t.createdBy(), DAY.format(t.expiresAt()), t.lastUsedAt() == null ? "없음" : MINUTE.format(t.lastUsedAt()),
                    t.active() ? "사용 중" : t.revokedAt() != null ? "폐기됨" : "만료됨", t.active());
        }
    }
}
