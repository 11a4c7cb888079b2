/**
 * How the measurements are laid out on disk at national scale (issue 16, decision 0038). On PostgreSQL
 * {@code measurement} is partitioned by month of {@code taken_at_ms} (migration V45 in
 * {@code db/vendor/postgresql}), with the catch-alls {@code measurement_before} and
 * {@code measurement_after} for any other time; {@code MeasurementPartitions} ({@code ssc-partitions})
 * keeps {@code ssc.partition.months-ahead} months ahead split off {@code measurement_after}, with the
 * records already there. On SQLite nothing here runs. Retention and archiving of old months:
 * docs/operations.md, scripts/archive-partition.sh. Public surface: none (a worker Spring starts).
 */
package kr.smartsenior.server.storage;
