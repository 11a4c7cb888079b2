package kr.smartsenior.server.provisioning;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrollment by code ({@link Enrollments}): {@code POST /api/enrollments} and
 * {@code POST /api/enrollments/{code}/bundle} for a new kiosk (no account: it has none yet; the
 * second needs the token the first returned, header {@value #TOKEN_HEADER}), and
 * {@code POST /api/enrollments/{code}/assign} for admins (the dashboard page calls {@link #assign} too).
 */
@RestController
final class EnrollmentController {

    static final String TOKEN_HEADER = "X-Enrollment-Token";

    private final Enrollments enrollments;

    EnrollmentController(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    record AssignRequest(String siteId, String deviceId) {
    }

    @PostMapping("/api/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    Enrollments.Started start(HttpServletRequest request) {
        return enrollments.start(request.getRemoteAddr());
    }

    /** 429: this address holds too many open codes; the kiosk asks again later (its script waits 30 s). */
    @ExceptionHandler(Enrollments.TooManyFromAddress.class)
    ResponseEntity<Map<String, String>> tooManyFromAddress(Enrollments.TooManyFromAddress e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60")
                .body(Map.of("state", "refused", "detail", e.getMessage()));
    }

    @PostMapping("/api/enrollments/{code}/assign")
    Enrollments.Assigned assign(@PathVariable String code, @RequestBody AssignRequest request, Principal principal) {
        return enrollments.assign(code, request == null ? null : request.siteId(), request == null ? null : request.deviceId(),
                principal.getName());
    }

    /**
     * 202 while waiting; 200 with the device and its bundle (again, with new credentials for the same
     * device, if polled within {@link Enrollments#REDELIVERY_WINDOW} of the delivery); 410 when expired or
     * fetched longer ago; 404 for a wrong token or a code that was dropped.
     */
    @PostMapping("/api/enrollments/{code}/bundle")
    ResponseEntity<?> fetch(@PathVariable String code, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return enrollments.fetch(code, token).<ResponseEntity<?>>map(result -> switch (result) {
            case Enrollments.Fetch.Waiting(String shown, Instant expiresAt, int pollAfter) -> ResponseEntity.accepted()
                    .body(Map.of("state", "waiting", "code", shown, "expiresAt", expiresAt, "pollAfterSeconds", pollAfter));
            case Enrollments.Fetch.Delivered(Provisioning.Provisioned made) ->
                    ResponseEntity.ok(ProvisioningController.ProvisionedResponse.of(made));
            case Enrollments.Fetch.Gone(String reason) -> ResponseEntity.status(HttpStatus.GONE)
                    .body(Map.of("state", "gone", "detail", reason));
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("state", "unknown", "detail", "no enrollment with this code and token")));
    }
}
