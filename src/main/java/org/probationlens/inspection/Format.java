package org.probationlens.inspection;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.probationlens.provenance.Sources;

/** Number formats and input-only sources shared by the inspection results. */
final class Format {
  private Format() {}

  static String percent(double share) {
    return BigDecimal.valueOf(Math.round(share * 1000) / 10.0).stripTrailingZeros().toPlainString()
        + "%";
  }

  static String count(long n) {
    return String.format(Locale.UK, "%,d", n);
  }

  static String pounds(double amount) {
    return String.format(Locale.UK, "£%,.0f", amount);
  }

  /** The sources of a result computed from the user's inputs alone. */
  static Sources inputs(String... assumptions) {
    return new Sources(List.of(), Arrays.asList(assumptions));
  }
}
