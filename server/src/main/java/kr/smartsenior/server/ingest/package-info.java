/**
 * Measurements from the kiosks: the MQTT callback only enqueues ({@code IngestQueue}), never
 * waiting: a message that finds the queue full is dropped un-acked and its kiosk re-sends it
 * (decision 0033; {@code IngestHealth} and the stats say "behind"); the
 * {@code ssc-ingest} thread ({@code IngestWorker}) takes groups (what is queued, up to 256 messages)
 * and {@code IngestProcessor} decodes and validates each while the store threads
 * ({@code ssc-ingest-store-N}, {@code SSC_INGEST_WRITERS}) each store one before it in a transaction of
 * their own (decisions 0043, 0044)
 * ({@code MeasurementStore}: on PostgreSQL a look-up of the ids already stored and {@code COPY} of the
 * others, on SQLite {@code INSERT … ON CONFLICT DO NOTHING}; decision 0036) and, in the same transaction,
 * notes the new records' derived work (prescription, alerts, roster) in {@code derived.WorkQueue}
 * (decision 0037), then acks after the commit. Public surface: the event
 * {@link kr.smartsenior.server.ingest.MeasurementsStored} (published after the commit),
 * {@link kr.smartsenior.server.ingest.AckPublisher} (replaceable in tests) and
 * {@link kr.smartsenior.server.ingest.IngestStats} ({@code GET /api/ingest/stats}); the ingest tells
 * the derived work when it is busy ({@code derived.Foreground}), so that evaluations yield to acks.
 */
package kr.smartsenior.server.ingest;
