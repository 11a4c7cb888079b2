/**
 * Reports for the district: a site's results as an Excel or CSV file (an export of personal data,
 * always site-checked and audited) and the admins' district view (participation and average change
 * per site and per rollout wave, no names), and the district's quarterly report as PDF and Excel
 * ({@code QuarterlyReport}: participation, change per test, alerts handled per site; counts under 5
 * hidden by {@code SmallCounts}; decision 0034).
 */
package kr.smartsenior.server.report;
