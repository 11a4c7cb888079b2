/**
 * How the measurements are laid out on disk at national scale (issue 16, decision 0038). On PostgreSQL
 * {@code measurement} is partitioned by month of {@code taken_at_ms} (migration V45 in
 * {@code db/vendor/postgresql}); {@code MeasurementPartitions} ({@code ssc-partitions}) keeps
 * {@code ssc.partition.months-ahead} months ahead created and moves any record that landed in the
 * default partition into a partition of its month. On SQLite nothing here runs. Retention and
 * archiving of old months: docs/operations.md. Public surface: none (a worker Spring starts).
 */
package kr.smartsenior.server.storage;
