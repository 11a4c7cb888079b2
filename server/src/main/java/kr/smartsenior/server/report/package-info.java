/**
 * Reports for the district: a site's results as an Excel or CSV file (an export of personal data,
 * always site-checked and audited) and the admins' district view (participation and average change
 * per site and per rollout wave, no names).
 */
package kr.smartsenior.server.report;
