package org.probationlens.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.probationlens.data.ProviderType;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Sources;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.Rule;
import org.probationlens.read.Schema;
import org.probationlens.reference.FigureChecks;
import org.probationlens.reference.PublishedFigures;
import org.probationlens.reference.PublishedFindings;
import org.probationlens.reference.ReferenceTable;
import org.probationlens.stats.Proportion;
import org.probationlens.stats.ProportionDifference;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What probation staff said about their morale and workload, as published: union and civil-service
 * surveys and HMI Probation's inspection findings ({@code data/reference/staff_surveys.csv}), and
 * the caseloads per officer that inspectors reported ({@code data/reference/caseloads.csv}).
 * Immutable; {@link #standard()} reads the tables shipped in the jar.
 */
public final class StaffSurveys {

  /** Whom a survey row covers: all staff, or one provider type ({@link ProviderType}). */
  private static final List<String> SURVEYED_PROVIDERS =
      Stream.concat(Stream.of("all"), ProviderType.codes().stream()).toList();

  /** The layout of {@code data/reference/staff_surveys.csv}. */
  public static final Schema SURVEY_SCHEMA =
      Schema.builder("staff_surveys")
          .columns(
              ColumnSpec.text("id"),
              ColumnSpec.text("survey"),
              ColumnSpec.code("provider_type", SURVEYED_PROVIDERS),
              ColumnSpec.text("provider"),
              ColumnSpec.text("date"),
              ColumnSpec.text("population"),
              ColumnSpec.integer("respondents", 1, Integer.MAX_VALUE).optional(),
              ColumnSpec.code("respondents_kind", List.of("exact", "lower_bound", "not_published")),
              ColumnSpec.text("finding"),
              ColumnSpec.code("value_kind", ReferenceTable.VALUE_KINDS),
              ColumnSpec.decimal("percent", 0, 100),
              ColumnSpec.text("value_as_published"),
              ColumnSpec.text("registry_id").optional(),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", ReferenceTable.TAGS),
              ColumnSpec.text("note").optional())
          .primaryKey("id")
          .rules(
              ReferenceTable.publishedDate("date"),
              Rule.of(
                  "respondents_kind",
                  "exact or lower_bound, since respondents is given",
                  row -> !row.text("respondents_kind").equals("not_published"),
                  "respondents"))
          .build();

  /** The layout of {@code data/reference/caseloads.csv}. */
  public static final Schema CASELOAD_SCHEMA =
      Schema.builder("caseloads")
          .columns(
              ColumnSpec.text("id"),
              ColumnSpec.code("provider_type", SURVEYED_PROVIDERS),
              ColumnSpec.text("provider"),
              ColumnSpec.text("date"),
              ColumnSpec.text("measure"),
              ColumnSpec.code("value_kind", ReferenceTable.VALUE_KINDS),
              ColumnSpec.decimal("value", 0, Double.MAX_VALUE),
              ColumnSpec.text("unit"),
              ColumnSpec.text("value_as_published"),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", ReferenceTable.TAGS),
              ColumnSpec.text("note").optional())
          .primaryKey("id")
          .rules(ReferenceTable.publishedDate("date"))
          .build();

  private final LoadedDataset surveys;
  private final LoadedDataset caseloads;

  private StaffSurveys(LoadedDataset surveys, LoadedDataset caseloads) {
    this.surveys = surveys;
    this.caseloads = caseloads;
  }

  /**
   * The published tables in {@code data/reference}.
   *
   * @return the surveys, not null
   */
  public static StaffSurveys standard() {
    return new StaffSurveys(
        ReferenceTable.read(
            "staff_surveys.csv",
            "Probation staff surveys and inspection findings on morale and workload",
            SURVEY_SCHEMA),
        ReferenceTable.read(
            "caseloads.csv", "Caseloads per probation officer as published", CASELOAD_SCHEMA));
  }

  /**
   * The findings exactly as published, with population, respondents, source and tag.
   *
   * @return the findings, not null
   */
  public PublishedFindings findings() {
    Table t =
        surveys
            .table()
            .selectColumns(
                "survey",
                "provider",
                "date",
                "population",
                "finding",
                "value_as_published",
                "source",
                "tag");
    t.setName("Staff morale and workload: what was published");
    return new PublishedFindings(
        "Staff morale and workload: survey and inspection findings as published",
        t,
        List.of(
            "Inspection findings are of 'staff interviewed'; how many was not published.",
            "Rows tagged secondary were reported by a blog or trade press, not by the publisher;"
                + " the Civil Service People Survey rows are a blogger's reading of the results."),
        Sources.of(surveys));
  }

  /**
   * Every survey share, with a Wilson interval where the number of respondents was published. The
   * UNISON/Napo survey gives "more than 1,000": its interval is computed at 1,000, the widest the
   * survey allows; findings whose respondents were not published have no interval.
   *
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the shares, not null
   */
  public SurveyShares shares(double confidence) {
    Table s = surveys.table();
    StringColumn survey = StringColumn.create("survey");
    StringColumn provider = StringColumn.create("provider");
    StringColumn date = StringColumn.create("date");
    StringColumn finding = StringColumn.create("finding");
    StringColumn asPublished = StringColumn.create("as_published");
    DoubleColumn percent = DoubleColumn.create("percent");
    IntColumn respondents = IntColumn.create("respondents");
    DoubleColumn lower = DoubleColumn.create("lower_percent");
    DoubleColumn upper = DoubleColumn.create("upper_percent");
    StringColumn basis = StringColumn.create("interval_basis");
    StringColumn tag = StringColumn.create("tag");
    for (int i = 0; i < s.rowCount(); i++) {
      double p = ReferenceTable.number(s, "percent", i);
      String kind = s.stringColumn("respondents_kind").get(i);
      survey.append(s.stringColumn("survey").get(i));
      provider.append(s.stringColumn("provider").get(i));
      date.append(s.stringColumn("date").get(i));
      finding.append(s.stringColumn("finding").get(i));
      asPublished.append(s.stringColumn("value_as_published").get(i));
      percent.append(p);
      tag.append(s.stringColumn("tag").get(i));
      if (kind.equals("not_published")) {
        respondents.appendMissing();
        lower.appendMissing();
        upper.appendMissing();
        basis.append("none: respondents not published");
        continue;
      }
      long n = Math.round(ReferenceTable.number(s, "respondents", i));
      long k = Math.round(p / 100 * n);
      Proportion w = Proportion.wilson(k, n, confidence);
      respondents.append((int) n);
      lower.append(100 * w.lower());
      upper.append(100 * w.upper());
      basis.append(
          String.format(
              Locale.ROOT,
              "Wilson, %d of %d (count derived: %s%% of %s)%s",
              k,
              n,
              trim(p),
              kind.equals("lower_bound") ? "at least " + n : String.valueOf(n),
              kind.equals("lower_bound") ? "; the widest interval the survey allows" : ""));
    }
    Table t =
        Table.create(
            "Staff survey shares with intervals",
            survey,
            provider,
            date,
            finding,
            asPublished,
            percent,
            respondents,
            lower,
            upper,
            basis,
            tag);
    List<String> notes = new ArrayList<>();
    notes.add(
        "Counts are derived from the published percentage and respondents (rounded), so each"
            + " interval is as precise as the published percentage allows.");
    notes.add(
        "An interval reflects sampling only: union and staff surveys are self-selected, which no"
            + " interval corrects.");
    return new SurveyShares(t, confidence, notes, Sources.of(surveys));
  }

  /**
   * The NPS against the CRCs on the one measure published for both from one source: the share of
   * staff responsible for more than 40 cases (HMI Probation's 2020 spending-review submission: 86%
   * CRC, 33% NPS). The respondents were not published, so the interval rests on an assumed number
   * in each group, stated as an assumption; {@link SectorGap#smallestGroupExcludingZero()} says how
   * few respondents would still leave the gap clear of zero.
   *
   * @param assumedRespondentsPerGroup the respondents assumed in each sector, at least 1
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the gap, not null
   */
  public SectorGap npsAgainstCrc(long assumedRespondentsPerGroup, double confidence) {
    if (assumedRespondentsPerGroup < 1) {
      throw new IllegalArgumentException(
          "assumedRespondentsPerGroup must be at least 1, was " + assumedRespondentsPerGroup);
    }
    double crc = percentOf("hmip_csr_2020_crc_over_40");
    double nps = percentOf("hmip_csr_2020_nps_over_40");
    long n = assumedRespondentsPerGroup;
    ProportionDifference d =
        ProportionDifference.newcombe(
            Math.round(crc / 100 * n), n, Math.round(nps / 100 * n), n, confidence);
    long smallest = 1;
    while (smallest < 100_000
        && !ProportionDifference.newcombe(
                Math.round(crc / 100 * smallest),
                smallest,
                Math.round(nps / 100 * smallest),
                smallest,
                confidence)
            .excludesZero()) {
      smallest++;
    }
    String assumption =
        "HMIP did not publish how many CRC and NPS staff the 86% and 33% rest on; the interval"
            + " assumes "
            + n
            + " in each sector (a choice, not a published figure)";
    return new SectorGap(
        "Staff responsible for more than 40 cases, CRC minus NPS (HMIP submission to the 2020"
            + " spending review)",
        crc,
        nps,
        d,
        n,
        smallest,
        Sources.of(surveys).withAssumptions(List.of(assumption)));
  }

  /**
   * Each provider's published caseload per officer beside the share of its staff who said their
   * workload was unmanageable, where an inspection published both (or a national pairing).
   *
   * @return the pairing, not null
   */
  public CaseloadWorkload caseloadAgainstWorkload() {
    Table c = caseloads.table();
    String[][] pairs = {
      {
        "Staffordshire & West Midlands CRC (2018)",
        "swm_crc_2018_caseload",
        "hmip_swm_crc_2018_workload"
      },
      {
        "NPS South East & Eastern (2019)",
        "nps_see_2019_average_caseload",
        "hmip_nps_see_2019_workload"
      },
    };
    StringColumn provider = StringColumn.create("provider");
    StringColumn caseloadText = StringColumn.create("caseload_as_published");
    DoubleColumn cases = DoubleColumn.create("cases_per_officer");
    StringColumn caseKind = StringColumn.create("caseload_kind");
    StringColumn workloadText = StringColumn.create("workload_as_published");
    DoubleColumn unmanageable = DoubleColumn.create("percent_workload_unmanageable");
    StringColumn workKind = StringColumn.create("workload_kind");
    for (String[] p : pairs) {
      int ci = rowOf(c, p[1]);
      int si = rowOf(surveys.table(), p[2]);
      provider.append(p[0]);
      caseloadText.append(c.stringColumn("value_as_published").get(ci));
      cases.append(ReferenceTable.number(c, "value", ci));
      caseKind.append(c.stringColumn("value_kind").get(ci));
      workloadText.append(surveys.table().stringColumn("value_as_published").get(si));
      unmanageable.append(ReferenceTable.number(surveys.table(), "percent", si));
      workKind.append(surveys.table().stringColumn("value_kind").get(si));
    }
    Table t =
        Table.create(
            "Caseload per officer against workload unmanageable",
            provider,
            caseloadText,
            cases,
            caseKind,
            workloadText,
            unmanageable,
            workKind);
    Table reference =
        c.where(
            c.stringColumn("id")
                .isIn("hmip_quality_falls_50", "nao_more_than_70", "bgsw_crc_2019_caseload"));
    return new CaseloadWorkload(
        t,
        reference.selectColumns("provider", "measure", "value_as_published", "source", "tag"),
        percentOf("hmip_essex_crc_2018_workload"),
        Sources.of(surveys, caseloads));
  }

  /**
   * The staff figures in the registry checked against this table: Essex CRC's 69% (2018) and the
   * 2021 survey's 51%. The registry and the table repeat the same publications, so this checks that
   * they agree and reproduces nothing.
   *
   * @return the checks, not null
   */
  public FigureChecks checks() {
    PublishedFigures f = PublishedFigures.standard();
    // read from data/reference/staff_surveys.csv, the same publications as the registry's
    // figures: they match by construction (a transcription check), never a reproduction
    Sources basis =
        Sources.of(surveys)
            .calibratedTo(
                List.of(
                    "essex_crc_workload_unmanageable_2018",
                    "hmip_staff_survey_2021_workload_not_manageable"));
    return FigureChecks.of(
        f.check(
            "essex_crc_workload_unmanageable_2018",
            percentOf("hmip_essex_crc_2018_workload"),
            basis),
        f.check(
            "hmip_staff_survey_2021_workload_not_manageable",
            percentOf("hmip_2021_workload_not_manageable"),
            basis));
  }

  private double percentOf(String id) {
    Table s = surveys.table();
    return ReferenceTable.number(s, "percent", rowOf(s, id));
  }

  private static int rowOf(Table t, String id) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn("id").get(i).equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException(
        "data/reference/" + t.name() + " has no row with id '" + id + "'");
  }

  static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
