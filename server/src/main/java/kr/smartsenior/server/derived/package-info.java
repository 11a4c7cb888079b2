/**
 * Derived work off the ingest's hot path (issue 16, decision 0037): the durable queue
 * {@link kr.smartsenior.server.derived.WorkQueue} (table {@code derived_work}) holds one row per
 * (kind, key) (a member's prescription and alerts, a site's roster), noted in the transaction that
 * stored the records and coalesced per visit; the {@code ssc-derived} worker of every server instance
 * claims due rows ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL) and hands each to the feature's
 * {@link kr.smartsenior.server.derived.WorkHandler}. Knows no feature.
 */
package kr.smartsenior.server.derived;
