package cn.changsha.appeals.query;

import cn.changsha.appeals.streams.stats.Statistics;
import cn.changsha.appeals.streams.stats.Statistics.Column;
import cn.changsha.appeals.streams.stats.Statistics.DepartmentReport;
import cn.changsha.appeals.streams.stats.Statistics.MonthlyReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;

/**
 * The monthly report as an Excel workbook: the CSV's columns and rows ({@link Statistics#COLUMNS},
 * {@link Statistics#rows}), one sheet named after the month, with the figures as numbers a monitor
 * can sum and sort rather than text.
 */
final class MonthlyReportWorkbook {

  static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** Wide enough for a department's name; the overdue list may run on past it. */
  private static final int MAX_WIDTH_CHARS = 60;

  private MonthlyReportWorkbook() {}

  static byte[] write(MonthlyReport report) {
    try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(report.month());
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      CellStyle whole = workbook.createCellStyle();
      whole.setDataFormat(workbook.createDataFormat().getFormat("0"));
      // The figures are rounded to one decimal already, so this shows each exactly as the CSV and JSON give it.
      CellStyle decimal = workbook.createCellStyle();
      decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));

      List<Column> columns = Statistics.COLUMNS;
      int[] widths = new int[columns.size()];
      Row top = sheet.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = top.createCell(c);
        cell.setCellValue(columns.get(c).header());
        cell.setCellStyle(header);
        widths[c] = width(columns.get(c).header());
      }
      int next = 1;
      for (DepartmentReport department : Statistics.rows(report)) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < columns.size(); c++) {
          Object value = columns.get(c).value().apply(report, department);
          if (value == null) {
            continue; // an empty cell, as in the CSV: no rank, or nothing decided yet
          }
          Cell cell = row.createCell(c);
          if (value instanceof Double d) {
            cell.setCellValue(d);
            cell.setCellStyle(decimal);
          } else if (value instanceof Number n) {
            cell.setCellValue(n.longValue());
            cell.setCellStyle(whole);
          } else {
            // A text cell is never a formula, so unlike the CSV nothing needs neutralising here.
            cell.setCellValue(value.toString());
          }
          widths[c] = Math.max(widths[c], width(value.toString()));
        }
      }
      sheet.createFreezePane(0, 1);
      for (int c = 0; c < columns.size(); c++) {
        sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH_CHARS) + 2) * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the workbook in memory", e);
    }
  }

  /**
   * Width in Latin characters, a Chinese character counting two. Measured by hand because POI's
   * autoSizeColumn needs the fonts of a desktop, which a server may not have.
   */
  private static int width(String text) {
    return text.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
  }
}
