package kr.smartsenior.server.site;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import kr.smartsenior.server.web.PlainText;
import kr.smartsenior.server.web.ProtocolId;

/**
 * {@code POST /api/sites}; the name and address are trimmed before they are checked and stored.
 * Address, opening hours and wave are optional.
 */
record CreateSiteRequest(
        @ProtocolId String id,
        @PlainText(max = 100) String name,
        @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}\\u2028\\u2029]*", message = "must not contain control characters or line breaks")
        String address,
        Map<String, String> openingHours,
        @Min(1) @Max(99) Integer wave) {

    CreateSiteRequest {
        name = name == null ? null : name.strip();
        address = address == null || address.isBlank() ? null : address.strip();
    }
}
