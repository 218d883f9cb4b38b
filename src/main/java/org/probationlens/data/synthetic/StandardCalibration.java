package org.probationlens.data.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Schema;
import tech.tablesaw.api.Table;

/**
 * Sizes the areas of England and Wales from {@code cpa_calibration.csv}: each CPA's CRC caseload as
 * HMIP (or, for South Yorkshire, an MP) reported it, split equally across the CPA's police/PCC
 * areas. Three CPAs have no reported caseload in the collected sources (C07, C12, C19): each of
 * their areas gets the median per-area caseload of the CPAs that have one. The file also says which
 * CPAs are metropolitan (contain a metropolitan county or Greater London).
 */
final class StandardCalibration {
  private StandardCalibration() {}

  static final String RESOURCE = "cpa_calibration.csv";

  private static final List<String> HEADER =
      List.of(
          "cpa_code",
          "caseload_reported",
          "caseload_reported_when",
          "caseload_value",
          "metropolitan",
          "metropolitan_basis",
          "source",
          "tag");

  /** One row of the calibration file. */
  record CpaRow(String cpaCode, Long caseload, boolean metropolitan) {}

  /** A police/PCC area before sizing: its code, CPA and candidate NPS divisions. */
  record AreaRef(String pccCode, String cpaCode, List<String> npsDivisionCandidates) {}

  static CaseGenerator generator() {
    List<AreaRef> refs = new ArrayList<>();
    for (PccArea area : Geography.standard().pccAreas()) {
      refs.add(new AreaRef(area.code(), area.cpaCode(), area.npsDivisionCandidates()));
    }
    return generator(refs, load());
  }

  static CaseGenerator generator(List<AreaRef> refs, Map<String, CpaRow> calibration) {
    Map<String, Integer> areasPerCpa = new TreeMap<>();
    for (AreaRef ref : refs) {
      areasPerCpa.merge(ref.cpaCode(), 1, Integer::sum);
    }
    if (!areasPerCpa.keySet().equals(calibration.keySet())) {
      throw new IllegalStateException(
          RESOURCE
              + " lists CPAs "
              + calibration.keySet()
              + " but the geography has CPAs "
              + areasPerCpa.keySet());
    }
    List<Double> perArea = new ArrayList<>();
    for (CpaRow row : calibration.values()) {
      if (row.caseload() != null) {
        perArea.add(row.caseload() / (double) areasPerCpa.get(row.cpaCode()));
      }
    }
    double imputed = median(perArea);
    List<SyntheticArea> areas = new ArrayList<>();
    Set<String> metropolitan = new HashSet<>();
    for (AreaRef ref : refs) {
      CpaRow row = calibration.get(ref.cpaCode());
      double size =
          row.caseload() == null
              ? imputed
              : row.caseload() / (double) areasPerCpa.get(ref.cpaCode());
      areas.add(new SyntheticArea(ref.pccCode(), ref.cpaCode(), ref.npsDivisionCandidates(), size));
      if (row.metropolitan()) {
        metropolitan.add(row.cpaCode());
      }
    }
    return CaseGenerator.of(areas, metropolitan);
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " has no reported caseload to impute from");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  static Map<String, CpaRow> load() {
    try (InputStream in = StandardCalibration.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "class-path resource org/probationlens/data/synthetic/" + RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Reads the calibration table with the project's one CSV reader (UTF-8, RFC 4180, the header
   * exactly), then checks each value's meaning.
   */
  static Map<String, CpaRow> parse(String text) {
    DatasetLoader.Hashed read;
    try {
      read =
          DatasetLoader.of(Schema.text("cpa_calibration", HEADER))
              .readBytes(RESOURCE, text.getBytes(StandardCharsets.UTF_8));
    } catch (DatasetValidationException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Table table = read.table();
    Map<String, CpaRow> rows = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      long number = read.lineOf(r);
      List<String> cells = new ArrayList<>();
      for (String column : HEADER) {
        cells.add(table.stringColumn(column).get(r));
      }
      String cpa = cells.get(0);
      if (!cpa.matches("C[0-9][0-9]")) {
        problems.add(problem(number, "cpa_code", cpa, "a CPA code C01..C21"));
      }
      Long caseload = null;
      String value = cells.get(3);
      if (!value.isEmpty()) {
        if (!value.matches("[1-9][0-9]{0,6}")) {
          problems.add(problem(number, "caseload_value", value, "a whole number > 0, or empty"));
        } else {
          caseload = Long.parseLong(value);
        }
      } else if (!cells.get(1).equals("not captured")) {
        problems.add(
            problem(number, "caseload_value", value, "a number when caseload_reported is given"));
      }
      String metro = cells.get(4);
      if (!metro.equals("true") && !metro.equals("false")) {
        problems.add(problem(number, "metropolitan", metro, "true or false"));
      }
      if (rows.put(cpa, new CpaRow(cpa, caseload, metro.equals("true"))) != null) {
        problems.add(problem(number, "cpa_code", cpa, "each CPA once"));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
    }
    return rows;
  }

  private static String problem(long line, String column, String value, String expected) {
    return "line " + line + ", column " + column + ": '" + value + "'; expected " + expected;
  }
}
