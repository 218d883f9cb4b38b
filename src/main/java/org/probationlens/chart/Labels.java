package org.probationlens.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.area.NpsDivision;
import org.probationlens.area.Owner;
import org.probationlens.area.PccArea;
import org.probationlens.data.ProviderType;
import org.probationlens.data.WorkType;

/**
 * Words a reader understands in place of the codes and column names in our tables: CPA, owner, PCC
 * area and NPS division names from {@link Geography#standard()}, work types spelled out, axis
 * titles with their units, money as "£110.2m". The one home of these labels for every chart.
 */
public final class Labels {

  /** The payment columns of contract results that hold money in pounds. */
  private static final Set<String> MONEY_COLUMNS =
      Set.of(
          "maximum",
          "ffs",
          "pbr",
          "paid",
          "under_spend",
          "contract_value",
          "payment",
          "maximum_payment",
          "service_credits");

  private static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

  /**
   * Work types and provider types spelled out, from {@link WorkType#label()} and {@link
   * ProviderType#label()}: CO is "Community order", CRC "Community Rehabilitation Company".
   */
  private static final Map<String, String> WORK_TYPES = workTypes();

  private static Map<String, String> workTypes() {
    Map<String, String> m = new HashMap<>();
    for (WorkType w : WorkType.values()) {
      m.put(w.name(), w.label());
    }
    for (ProviderType p : ProviderType.values()) {
      m.put(p.name(), p.label());
    }
    return Map.copyOf(m);
  }

  private static final Map<String, String> OTHER_CODES =
      Map.of(
          "ALL", "All",
          "all", "All",
          // liaison-manager ratings (court.LiaisonRating)
          "STRONG", "Strong",
          "ADEQUATE", "Adequate",
          "WEAK", "Weak");

  /** Words kept as acronyms when an enum-style name is written in words. */
  private static final Map<String, String> ACRONYMS =
      Map.of(
          "IT", "IT", "NPS", "NPS", "CRC", "CRC", "MOJ", "MoJ", "RAR", "RAR", "HMIP", "HMIP", "PSR",
          "PSR", "PBR", "PbR", "NDELIUS", "nDelius", "OASYS", "OASys");

  /** Axis titles, with units, for the column names our results use. */
  private static final Map<String, String> TITLES = new HashMap<>();

  static {
    TITLES.put("weighted_shortfall_pct", "weighted shortfall against forecast (%)");
    TITLES.put("shortfall_pct", "shortfall against forecast (%)");
    TITLES.put("under_spend_pct", "modelled under-spend against maximum (%)");
    TITLES.put("paid_pct_of_maximum", "modelled payment (% of maximum)");
    TITLES.put("band_width_pct", "fee-for-service band half-width (percentage points)");
    TITLES.put("pbr_share_pct", "payment-by-results share (%)");
    TITLES.put("maximum", "maximum payment (£ million)");
    TITLES.put("ffs", "fee for service (£ million)");
    TITLES.put("pbr", "payment by results (£ million)");
    TITLES.put("paid", "modelled payment (£ million)");
    TITLES.put("under_spend", "modelled under-spend (£ million)");
    TITLES.put("lowest_cpa_pct", "lowest CPA (%)");
    TITLES.put("highest_cpa_pct", "highest CPA (%)");
    TITLES.put("england_and_wales_pct", "England and Wales (%)");
    TITLES.put("financial_year", "financial year (April to March)");
    TITLES.put("quarter", "quarter");
    TITLES.put("year", "year");
    TITLES.put("cpa", "contract package area");
    TITLES.put("owner", "owner of the CRC");
    TITLES.put("pcc_area", "police and crime commissioner area");
    TITLES.put("crc", "Community Rehabilitation Company");
    TITLES.put("documented", "documented innovations (count)");
    TITLES.put("index", "innovation index (documented events)");
    TITLES.put("cumulative_crcs", "CRCs with it in operation (count)");
    TITLES.put("survival", "share still waiting");
    TITLES.put("share", "share of orders");
    TITLES.put("lower", "95% interval, lower");
    TITLES.put("upper", "95% interval, upper");
    TITLES.put("agree", "sentencers agreeing (share)");
    TITLES.put("aware_share", "sentencers aware of local services (share)");
    TITLES.put("concordance", "sentences following the report's proposal (share)");
    TITLES.put("delivered_ratio", "RAR days delivered (share of days ordered)");
    TITLES.put("supervising_provider", "supervising provider");
    TITLES.put("percent", "percentage (%)");
    TITLES.put("item", "survey statement");
    TITLES.put("starts", "starts (count)");
    TITLES.put("actual", "actual (count)");
    TITLES.put("forecast", "forecast (count)");
  }

  private static final class Names {
    static final Map<String, String> BY_CODE = build();

    private static Map<String, String> build() {
      Geography g = Geography.standard();
      Map<String, String> m = new HashMap<>();
      for (Cpa c : g.cpas()) {
        // the CRC's name without "CRC": short names are often acronyms (KSS, BGSW, BeNCH)
        m.put(c.code(), c.crcName().replaceFirst(" CRC$", ""));
        if (c.shortName().equals(c.shortName().toUpperCase(Locale.ROOT))) {
          // an acronym short name (KSS, DDC, BGSW) is read as the CRC's name in words too
          m.putIfAbsent(c.shortName(), c.crcName().replaceFirst(" CRC$", ""));
        }
      }
      for (Owner o : g.owners()) {
        m.put(o.code(), o.name());
      }
      for (PccArea a : g.pccAreas()) {
        m.put(a.code(), a.name());
      }
      for (NpsDivision d : g.npsDivisions()) {
        m.put(d.code(), d.name());
      }
      return Map.copyOf(m);
    }
  }

  private Labels() {}

  /**
   * The name to show for a category: a CPA's name for its code ({@code C21} gives "Kent, Surrey
   * &amp; Sussex", its CRC's name without "CRC"), an owner's name for its code ({@code
   * PURPLE_FUTURES} gives "Purple Futures (Interserve-led)"), a PCC area's or NPS division's name,
   * a work type spelled out ({@code CO} gives "Community order"), any other enum-style name in
   * sentence case ({@code TELEPHONE_SUPERVISION} gives "Telephone supervision"); anything else as
   * it is.
   *
   * @param value the category, not null
   * @return the name to show, not null
   */
  public static String category(String value) {
    String w = WORK_TYPES.get(value);
    if (w != null) {
      return w;
    }
    String o = OTHER_CODES.get(value);
    if (o != null) {
      return o;
    }
    String n = Names.BY_CODE.get(value);
    if (n != null) {
      return n;
    }
    if (ENUM_NAME.matcher(value).matches()) {
      StringBuilder b = new StringBuilder();
      for (String word : value.split("_")) {
        String w2 = ACRONYMS.getOrDefault(word, word.toLowerCase(Locale.ROOT));
        b.append(b.length() == 0 ? "" : " ").append(w2);
      }
      return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }
    return value;
  }

  /**
   * The axis title for a column: the title our results' columns have (with units), else the name in
   * words ({@code _pct} read as "(%)", {@code _days} as "(days)").
   *
   * @param column the column name, not null
   * @return the title, not null
   */
  public static String axisTitle(String column) {
    String t = TITLES.get(column);
    if (t != null) {
      return t;
    }
    String words = column;
    String unit = "";
    if (words.endsWith("_pct")) {
      words = words.substring(0, words.length() - 4);
      unit = " (%)";
    } else if (words.endsWith("_days")) {
      words = words.substring(0, words.length() - 5);
      unit = " (days)";
    } else if (words.endsWith("_gbp")) {
      words = words.substring(0, words.length() - 4);
      unit = " (£ million)";
    }
    return words.replace('_', ' ') + unit;
  }

  /**
   * Whether a column holds money in pounds (drawn in £ million, hover text as "£110.2m").
   *
   * @param column the column name, not null
   * @return true for our payment columns and any column ending {@code _gbp}
   */
  public static boolean isMoney(String column) {
    return MONEY_COLUMNS.contains(column) || column.endsWith("_gbp");
  }

  /**
   * Money as a reader writes it: "£3.7bn", "£110.2m", "£45.3k", "£512".
   *
   * @param pounds the amount in pounds
   * @return the text, "missing" for NaN, not null
   */
  public static String money(double pounds) {
    if (Double.isNaN(pounds)) {
      return "missing";
    }
    DecimalFormatSymbols uk = DecimalFormatSymbols.getInstance(Locale.UK);
    DecimalFormat one = new DecimalFormat("#,##0.0", uk);
    double a = Math.abs(pounds);
    String sign = pounds < 0 ? "-" : "";
    if (a >= 1e9) {
      return sign + "£" + one.format(a / 1e9) + "bn";
    }
    if (a >= 1e6) {
      return sign + "£" + one.format(a / 1e6) + "m";
    }
    if (a >= 1e3) {
      return sign + "£" + one.format(a / 1e3) + "k";
    }
    return sign + "£" + new DecimalFormat("#,##0", uk).format(a);
  }

  /**
   * A chart title broken into lines of at most about 70 characters (Plotly's {@code <br>}), so that
   * a long title stays clear of the chart's toolbar at the top right.
   *
   * @param title the title, not null
   * @return the title with line breaks, not null
   */
  static String wrapTitle(String title) {
    StringBuilder out = new StringBuilder();
    int line = 0;
    for (String word : title.split(" ")) {
      if (line > 0 && line + 1 + word.length() > 70) {
        out.append("<br>");
        line = 0;
      } else if (line > 0) {
        out.append(' ');
        line++;
      }
      out.append(word);
      line += word.length();
    }
    return out.toString();
  }
}
