package kr.smartsenior.server.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.fitness.Evaluator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The quarterly report as an Excel workbook: the same figures as {@link QuarterlyPdf}, in long form
 * (one row per site and test, per site and alert kind) for the district to filter and chart. Shown
 * counts are numbers; hidden ones are the text "5명 미만" or "비공개", medians of fewer than 5 are empty.
 */
final class QuarterlyWorkbook {

    private QuarterlyWorkbook() {
    }

    static void write(QuarterlyReport report, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            head.setWrapText(true);
            CellStyle right = book.createCellStyle();
            right.setAlignment(HorizontalAlignment.RIGHT);
            CellStyle signed = book.createCellStyle();
            signed.setDataFormat(book.createDataFormat().getFormat("+0.0#;-0.0#;0.0"));
            int total = report.totalRow();
            String title = report.quarter().korean() + " 경로당 운영 보고서 · " + report.quarter().koreanRange()
                    + " · 1~4는 '5명 미만' (개인 보호)";

            Sheet participation = book.createSheet("참여");
            int r = header(participation, head, title, "경로당", "등록 어르신 (분기 말)", "한 번 이상 온 어르신", "방문 (날 수)",
                    "온 어르신 1명당 방문");
            for (int row = 0; row <= total; row++) {
                Row line = participation.createRow(r++);
                line.createCell(0).setCellValue(report.rows().get(row));
                count(line, 1, report, row, QuarterlyReport.REGISTERED, right);
                count(line, 2, report, row, QuarterlyReport.VISITORS, right);
                count(line, 3, report, row, QuarterlyReport.VISITS, right);
                figure(line, 4, report.figure(row, QuarterlyReport.VISITS_PER_VISITOR), null);
            }

            Sheet changes = book.createSheet("검사별 변화");
            r = header(changes, head, title, "경로당", "검사", "단위", "좋은 방향", "비교한 어르신", "변화 중앙값", "좋아짐", "유지",
                    "나빠짐");
            for (int row = 0; row <= total; row++) {
                for (MeasurementCode code : report.tests()) {
                    Row line = changes.createRow(r++);
                    line.createCell(0).setCellValue(report.rows().get(row));
                    line.createCell(1).setCellValue(code.koreanName());
                    line.createCell(2).setCellValue(QuarterlyPdf.unit(code));
                    line.createCell(3).setCellValue(Evaluator.better(code) < 0 ? "낮을수록 좋음" : "높을수록 좋음");
                    count(line, 4, report, row, QuarterlyReport.test(code, "compared"), right);
                    figure(line, 5, report.figure(row, QuarterlyReport.test(code, "median")), signed);
                    int c = 6;
                    for (String part : QuarterlyReport.CHANGE_PARTS) {
                        count(line, c++, report, row, QuarterlyReport.test(code, part), right);
                    }
                }
            }

            Sheet alerts = book.createSheet("알림 처리");
            r = header(alerts, head, title, "경로당", "종류", "새로 생긴 알림", "그중 확인함", "그중 해결함", "해결까지 일수 (중앙값)",
                    "분기 말 처리 전");
            for (int row = 0; row <= total; row++) {
                for (Map.Entry<String, String> kind : report.alertKinds().entrySet()) {
                    Row line = alerts.createRow(r++);
                    line.createCell(0).setCellValue(report.rows().get(row));
                    line.createCell(1).setCellValue(kind.getValue());
                    count(line, 2, report, row, QuarterlyReport.alert(kind.getKey(), "opened"), right);
                    count(line, 3, report, row, QuarterlyReport.alert(kind.getKey(), "acknowledged"), right);
                    count(line, 4, report, row, QuarterlyReport.alert(kind.getKey(), "resolved"), right);
                    figure(line, 5, report.figure(row, QuarterlyReport.alert(kind.getKey(), "medianDays")), null);
                    count(line, 6, report, row, QuarterlyReport.alert(kind.getKey(), "open"), right);
                }
            }

            Sheet reading = book.createSheet("보는 법");
            reading.setColumnWidth(0, 160 * 256);
            r = 0;
            reading.createRow(r++).createCell(0).setCellValue(title);
            for (String line : QuarterlyPdf.READING) {
                reading.createRow(r++).createCell(0).setCellValue(line);
            }

            for (Sheet sheet : List.of(participation, changes, alerts)) {
                sheet.setColumnWidth(0, 30 * 256);
                for (int c = 1; c < 9; c++) {
                    sheet.setColumnWidth(c, 15 * 256);
                }
                sheet.createFreezePane(1, 2);
            }
            book.write(out);
        }
    }

    private static int header(Sheet sheet, CellStyle style, String title, String... names) {
        sheet.createRow(0).createCell(0).setCellValue(title);
        Row row = sheet.createRow(1);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(style);
        }
        return 2;
    }

    private static void count(Row line, int column, QuarterlyReport report, int row, String key, CellStyle hiddenStyle) {
        Integer shown = report.shownCount(row, key);
        if (shown != null) {
            line.createCell(column).setCellValue(shown);
        } else {
            line.createCell(column).setCellValue(report.count(row, key));
            line.getCell(column).setCellStyle(hiddenStyle);
        }
    }

    private static void figure(Row line, int column, Double value, CellStyle style) {
        if (value != null) {
            line.createCell(column).setCellValue(value);
            if (style != null) {
                line.getCell(column).setCellStyle(style);
            }
        }
    }
}
