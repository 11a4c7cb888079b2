package kr.smartsenior.edge.identify;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.card.CardToken;

/** Card tokens and rosters for tests, shaped as the server makes them (the MAC is any valid text here). */
final class Cards {

    static final String SITE = "ydp-01";
    static final CardToken KIM = new CardToken("M7K2Q9XD4T", 2, "4J8ZQ0N6W2C5TD1XKR3M");
    static final CardToken PARK = new CardToken("P4RK0000AA", 1, "Z9Y8X7W6V5T4S3R2Q1P0");

    private Cards() {
    }

    static Roster roster(long version, CardToken... tokens) {
        List<RosterEntry> entries = java.util.Arrays.stream(tokens)
                .map(t -> new RosterEntry(t.memberId(), t == KIM ? "김영희" : "박철수", t.hash(), t.cardVersion(),
                        Prescriptions.of(List.of("밸런스 2단계"), List.of(Prescriptions.program(MeasurementCode.BALANCE, 2, 10)))))
                .toList();
        return new Roster(SITE, version, OffsetDateTime.parse("2026-11-21T09:00:00+09:00"), entries);
    }

    static byte[] payload(Roster roster) {
        return new ProtocolCodec().encode(roster);
    }

    static String json(Roster roster) {
        return new String(payload(roster), StandardCharsets.UTF_8);
    }
}
