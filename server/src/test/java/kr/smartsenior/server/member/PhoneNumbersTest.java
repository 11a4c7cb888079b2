package kr.smartsenior.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Korean numbers as staff type them, written back hyphenated; anything else refused. */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "010-2345-6789, 010-2345-6789",
        "01023456789, 010-2345-6789",
        "010 2345 6789, 010-2345-6789",
        "010.2345.6789, 010-2345-6789",
        "011-234-5678, 011-234-5678",
        "02-123-4567, 02-123-4567",
        "0212345678, 02-1234-5678",
        "031-765-4321, 031-765-4321",
        "064-7123-4567, 064-7123-4567",
        "070-1234-5678, 070-1234-5678",
        "1588-1234, 1588-1234",
        "' 010-2345-6789 ', 010-2345-6789"})
    void aKoreanNumberIsWrittenHyphenated(String typed, String stored) {
        assertThat(PhoneNumbers.normalize(typed)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "010", "010-2345-678", "010-23456-78901", "012-3456-7890", "+82 10-2345-6789",
        "010-2345-6789 내선", "<b>010</b>", "039-123-4567", "1234-5678", "010--2345-6789x", "010\n2345 6789"})
    void anythingElseIsRefused(String typed) {
        assertThat(PhoneNumbers.normalize(typed)).isEmpty();
    }

    @Test
    void contactsNeverShowInTextThatCouldBeLogged() {
        Member.Contacts contacts = new Member.Contacts("010-2345-6789", "박민수", "010-9876-5432", "아들");
        MemberRequest.ContactsRequest request = new MemberRequest.ContactsRequest("010-2345-6789", "박민수", null, null);

        assertThat(contacts.toString()).doesNotContain("010", "박민수");
        assertThat(request.toString()).doesNotContain("010", "박민수");
        assertThat(request.toContacts().phone()).isEqualTo("010-2345-6789");
    }
}
