package org.probationlens.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;

/**
 * Writes small, deterministic, synthetic {@code cases.csv} and {@code forecast.csv} files in the
 * dataset contract's format, for the engine's tests. Made-up data: never real cases.
 */
public final class CaseFixtures {
  private CaseFixtures() {}

  static final String[] AREAS = CaseCsv.PCC_AREAS;
  static final String[] WORK_TYPES = CaseCsv.WORK_TYPES;
  static final String[] REASONS = CaseCsv.TERMINATION_REASONS;

  /** Writes {@code rows} valid cases drawn from a seeded generator. */
  public static Path writeCases(Path file, int rows, long seed) {
    Geography geography = Geography.standard();
    String[] cpaOf = new String[AREAS.length];
    String[] divisionOf = new String[AREAS.length];
    for (int a = 0; a < AREAS.length; a++) {
      PccArea area = geography.pccArea(AREAS[a]);
      cpaOf[a] = area.cpaCode();
      divisionOf[a] =
          area.npsDivisionCode() != null
              ? area.npsDivisionCode()
              : area.npsDivisionCandidates().get(0);
    }
    int first = (int) LocalDate.of(2014, 6, 1).toEpochDay();
    int last = (int) LocalDate.of(2020, 12, 31).toEpochDay();
    int ora = (int) LocalDate.of(2015, 2, 1).toEpochDay();
    SplittableRandom random = new SplittableRandom(seed);
    String[] dayText = new String[last + 3651 - first + 1];
    for (int d = 0; d < dayText.length; d++) {
      dayText[d] = LocalDate.ofEpochDay((long) first + d).toString();
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(CaseCsv.HEADER);
      out.write('\n');
      StringBuilder line = new StringBuilder(128);
      for (int r = 0; r < rows; r++) {
        int area = random.nextInt(AREAS.length);
        boolean crc = random.nextInt(10) < 6;
        int start = random.nextInt(first, last + 1);
        int workType = random.nextInt(WORK_TYPES.length);
        if (workType == 3 && start < ora) {
          workType = 2;
        }
        boolean requirements = workType <= 1;
        int duration = random.nextInt(0, 3651);
        int rar = requirements && start >= ora && random.nextBoolean() ? random.nextInt(1, 61) : 0;
        int upw = requirements && random.nextBoolean() ? random.nextInt(40, 301) : 0;
        int weightHundredths = random.nextInt(25, 301);
        line.setLength(0);
        String id = Integer.toString(r + 1);
        line.append('K')
            .append("00000000", 0, Math.max(0, 8 - id.length()))
            .append(id)
            .append(',')
            .append(crc ? "CRC" : "NPS")
            .append(',')
            .append(crc ? cpaOf[area] : divisionOf[area])
            .append(',')
            .append(AREAS[area])
            .append(',')
            .append(WORK_TYPES[workType])
            .append(',')
            .append(dayText[start - first])
            .append(',')
            .append(dayText[start + duration - first])
            .append(',')
            .append(random.nextInt(1, 121))
            .append(',')
            .append(rar)
            .append(',')
            .append(upw)
            .append(',')
            .append(random.nextBoolean() && workType <= 2)
            .append(',')
            .append(reason(random.nextInt(REASONS.length), start + duration > last))
            .append(',')
            .append(weightHundredths / 100)
            .append('.')
            .append(weightHundredths % 100 < 10 ? "0" : "")
            .append(weightHundredths % 100)
            .append('\n');
        out.append(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * A termination reason that fits the end date, from a drawn one (the same number of draws as
   * before the contract tied them): ONGOING exactly when the case runs past 31 December 2020.
   */
  private static String reason(int drawn, boolean runsOn) {
    if (runsOn) {
      return "ONGOING";
    }
    return REASONS[drawn].equals("ONGOING") ? "COMPLETED" : REASONS[drawn];
  }

  /** Writes a forecast for every CPA, financial year 2014-15..2020-21 and work type. */
  public static Path writeForecast(Path file, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("cpa_code,financial_year,work_type,forecast_count,forecast_weighted\n");
      for (int c = 1; c <= 21; c++) {
        for (int year = 2014; year <= 2020; year++) {
          for (String workType : WORK_TYPES) {
            int count = random.nextInt(100, 5001);
            out.write(
                String.format(
                    "C%02d,%d-%02d,%s,%d,%d.%d\n",
                    c, year, (year + 1) % 100, workType, count, count + count / 5, c % 10));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
