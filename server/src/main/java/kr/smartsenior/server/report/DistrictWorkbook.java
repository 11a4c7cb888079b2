package kr.smartsenior.server.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import kr.smartsenior.protocol.MeasurementCode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The district view as an Excel workbook for the quarterly report to the district (usually
 * {@code months=3}): one sheet per site, per rollout wave and the district, with registered seniors,
 * participation and the average change per test. Counts and averages only, no names.
 */
final class DistrictWorkbook {

    private DistrictWorkbook() {
    }

    static void write(DistrictView.District district, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0%"));
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("+0.0;-0.0;0.0"));

            Sheet sites = book.createSheet("경로당별");
            int r = header(sites, head, "경로당", "차수", district);
            for (DistrictView.SiteFigures site : district.sites()) {
                Row row = sites.createRow(r++);
                row.createCell(0).setCellValue(site.name());
                if (site.wave() != null) {
                    row.createCell(1).setCellValue(site.wave());
                }
                figures(row, site.figures(), percent, decimal);
            }
            Sheet waves = book.createSheet("차수별");
            r = header(waves, head, "차수", "경로당 수", district);
            for (DistrictView.WaveFigures wave : district.waves()) {
                Row row = waves.createRow(r++);
                row.createCell(0).setCellValue(wave.wave() == null ? "미정" : wave.wave() + "차");
                row.createCell(1).setCellValue(wave.sites());
                figures(row, wave.figures(), percent, decimal);
            }
            Row total = waves.createRow(r);
            total.createCell(0).setCellValue("구 전체");
            total.createCell(1).setCellValue(district.sites().size());
            figures(total, district.total(), percent, decimal);
            for (Sheet sheet : List.of(sites, waves)) {
                for (int c = 0; c < 5 + DistrictView.TESTS.size(); c++) {
                    sheet.setColumnWidth(c, c == 0 ? 24 * 256 : 14 * 256);
                }
            }
            book.write(out);
        }
    }

    private static int header(Sheet sheet, CellStyle style, String first, String second, DistrictView.District d) {
        Row note = sheet.createRow(0);
        note.createCell(0).setCellValue("참여: 최근 " + d.participationWeeks() + "주 안에 기록이 있는 어르신 · 변화: 최근 "
                + d.changeMonths() + "개월의 첫 결과와 마지막 결과의 평균 차이 (괄호 안은 결과가 2번 이상인 어르신 수)");
        Row row = sheet.createRow(1);
        String[] names = {first, second, "등록", "참여", "참여율"};
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(style);
        }
        int c = names.length;
        for (MeasurementCode test : DistrictView.TESTS) {
            row.createCell(c).setCellValue(test.koreanName() + " 변화 (" + test.unit().wireName() + ")");
            row.getCell(c++).setCellStyle(style);
            row.createCell(c).setCellValue("(명)");
            row.getCell(c++).setCellStyle(style);
        }
        return 2;
    }

    private static void figures(Row row, DistrictView.Figures f, CellStyle percent, CellStyle decimal) {
        row.createCell(2).setCellValue(f.registered());
        row.createCell(3).setCellValue(f.active());
        row.createCell(4).setCellValue(f.participation());
        row.getCell(4).setCellStyle(percent);
        int c = 5;
        for (MeasurementCode test : DistrictView.TESTS) {
            DistrictView.Change change = f.change(test.name());
            if (change != null && change.seniors() > 0) {
                row.createCell(c).setCellValue(change.averageChange());
                row.getCell(c).setCellStyle(decimal);
                row.createCell(c + 1).setCellValue(change.seniors());
            }
            c += 2;
        }
    }
}
