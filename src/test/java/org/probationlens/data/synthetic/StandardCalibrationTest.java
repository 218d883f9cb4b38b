package org.probationlens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StandardCalibrationTest {

  private static Map<String, Double> sizes() {
    Map<String, Double> sizes = new TreeMap<>();
    for (SyntheticArea area : CaseGenerator.standard().areas()) {
      sizes.put(area.pccCode(), area.relativeSize());
    }
    return sizes;
  }

  /**
   * Per-area caseloads, by hand from cpa_calibration.csv (caseload / areas in the CPA): 1500 (C14),
   * 1666.67 (C04), 1750 (C13), 1864.5 (C03), 2000 (C15), 2250 (C10), 2750 (C02), 2800 (C08),
   * 2866.67 (C21), 3700 (C01), 4000 (C18), 4000 (C20), 4750 (C16), 5000 (C09), 6500 (C06), 6765.5
   * (C11), 8136 (C05), 30000 (C17). Eighteen values; the median is (2866.67 + 3700) / 2 = 3283.33,
   * given to each area of C07, C12 and C19.
   */
  @Test
  void sizesAreReportedCaseloadsSplitEquallyWithTheMedianImputed() {
    Map<String, Double> sizes = sizes();
    assertEquals(42, sizes.size());
    assertEquals(30_000.0, sizes.get("LDN"), 1e-9);
    assertEquals(3_700.0, sizes.get("NBR"), 1e-9);
    assertEquals(9_000.0 / 4, sizes.get("DPP"), 1e-9);
    assertEquals(13_531.0 / 2, sizes.get("MLW"), 1e-9);
    double median = (8_600.0 / 3 + 3_700.0) / 2;
    for (String area : List.of("CHS", "MCG", "WWS", "WMP", "DRS", "DCP")) {
      assertEquals(median, sizes.get(area), 1e-9, area);
    }
  }

  @Test
  void northamptonshireKeepsBothCandidateDivisions() {
    SyntheticArea nts =
        CaseGenerator.standard().areas().stream()
            .filter(a -> a.pccCode().equals("NTS"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("N04", "N06"), nts.npsDivisionCandidates());
  }

  @Test
  void aMalformedCalibrationFileNamesLineColumnAndValue() {
    String csv =
        "cpa_code,caseload_reported,caseload_reported_when,caseload_value,metropolitan,"
            + "metropolitan_basis,source,tag\n"
            + "C01,\">3,700\",2019,3.7k,true,x,y,found\n"
            + "C02,\"5,500\",2019,,maybe,x,y,found\n";
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StandardCalibration.parse(csv));
    assertEquals(
        "cpa_calibration.csv: line 2, column caseload_value: '3.7k'; expected a whole number > 0,"
            + " or empty; line 3, column caseload_value: ''; expected a number when"
            + " caseload_reported is given; line 3, column metropolitan: 'maybe'; expected true or"
            + " false",
        e.getMessage());
  }
}
