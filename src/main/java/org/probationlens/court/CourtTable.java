package org.probationlens.court;

import java.util.List;

/**
 * The five tables of court-level data, each one CSV file with a fixed header. Codes, dates and
 * counts are checked on loading (see {@link CourtData#load(java.nio.file.Path)}); the files carry
 * no provenance inline: {@code manifest.csv} beside them says whether they are synthetic.
 */
public enum CourtTable {
  /**
   * One row per court (magistrates' courts of one police/PCC area, grouped): {@code court_code},
   * {@code court_name}, {@code pcc_area}, {@code cpa_code}, {@code liaison_rating} ({@link
   * LiaisonRating}).
   */
  COURTS(
      "courts.csv", List.of("court_code", "court_name", "pcc_area", "cpa_code", "liaison_rating")),
  /**
   * One row per pre-sentence report and the sentence that followed it: {@code report_id}, {@code
   * court_code}, {@code report_type} ({@link ReportType}), {@code requested_date}, {@code due_date}
   * (when the court needed it), {@code delivered_date}, {@code proposal} and {@code sentence}
   * ({@link Disposal}), {@code supervising_provider} (NPS, CRC, or NONE when the sentence is not
   * supervised in the community).
   */
  REPORTS(
      "reports.csv",
      List.of(
          "report_id",
          "court_code",
          "report_type",
          "requested_date",
          "due_date",
          "delivered_date",
          "proposal",
          "sentence",
          "supervising_provider")),
  /**
   * One row per community or suspended sentence order: {@code order_id}, {@code court_code}, {@code
   * sentence_date}, {@code order_type} (CO or SSO), {@code supervising_provider} (NPS or CRC),
   * {@code rar_days_ordered} (0 when the order has no RAR), {@code rar_days_delivered} (RAR
   * activity days delivered by the end of the order, 0 to the days ordered).
   */
  ORDERS(
      "orders.csv",
      List.of(
          "order_id",
          "court_code",
          "sentence_date",
          "order_type",
          "supervising_provider",
          "rar_days_ordered",
          "rar_days_delivered")),
  /**
   * One row per alleged breach handled by a CRC: {@code breach_id}, {@code court_code}, {@code
   * cpa_code}, {@code aware_date} (the day the CRC became aware), {@code referral_date} (the day it
   * referred the breach to the NPS for presentation to court).
   */
  BREACHES(
      "breaches.csv",
      List.of("breach_id", "court_code", "cpa_code", "aware_date", "referral_date")),
  /**
   * One row per answer to the sentencer survey: {@code respondent_id}, {@code court_code}, {@code
   * role} (MAGISTRATE or DISTRICT_JUDGE), {@code item} ({@link SurveyItem}), {@code answer} (1 to
   * 5).
   */
  SURVEY("survey.csv", List.of("respondent_id", "court_code", "role", "item", "answer"));

  private final String fileName;
  private final List<String> columns;

  CourtTable(String fileName, List<String> columns) {
    this.fileName = fileName;
    this.columns = columns;
  }

  /**
   * The file name of the table; synthetic files carry the prefix {@code synthetic_}.
   *
   * @param synthetic whether the data is synthetic
   * @return e.g. {@code "synthetic_reports.csv"}
   */
  public String fileName(boolean synthetic) {
    return synthetic ? "synthetic_" + fileName : fileName;
  }

  /**
   * The header, in order.
   *
   * @return the column names, unmodifiable
   */
  public List<String> columns() {
    return columns;
  }
}
