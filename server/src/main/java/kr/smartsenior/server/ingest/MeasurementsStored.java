package kr.smartsenior.server.ingest;

import java.util.Set;

/**
 * A Spring application event, published by the ingest worker after a commit: these members have
 * newly stored records. Listeners must not block (the ingest thread publishes it): hand the work
 * to a thread of your own.
 */
public record MeasurementsStored(Set<String> memberIds) {

    public MeasurementsStored {
        memberIds = Set.copyOf(memberIds);
    }
}
