package kr.smartsenior.server.ingest;

import java.util.Set;

/**
 * A Spring application event, published by the ingest worker after a commit: these members have
 * newly stored records. In-process only (another server instance never hears it), so it is for
 * caches; derived work (prescriptions, alerts, rosters) goes through the durable queue
 * {@code derived.WorkQueue}, noted in the storing transaction (decision 0037). Listeners must not
 * block (the ingest thread publishes it).
 */
public record MeasurementsStored(Set<String> memberIds) {

    public MeasurementsStored {
        memberIds = Set.copyOf(memberIds);
    }
}
