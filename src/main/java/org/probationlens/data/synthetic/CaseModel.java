package org.probationlens.data.synthetic;

import java.time.LocalDate;
import org.probationlens.data.CaseWeight;
import org.probationlens.data.WorkType;

/**
 * The invented shape of the synthetic case stream: start rates by work type and date, sentence
 * lengths, requirements, provider allocation, terminations and weights. Every number here is listed
 * in {@code data/README.md}, with what it is calibrated to or the fact that it is invented. Dates
 * are epoch days. Draws are uniform doubles in [0, 1) passed in by the caller, so the order of
 * draws is fixed by {@link CaseGenerator}.
 */
final class CaseModel {
  private CaseModel() {}

  static final int FIRST_DAY = (int) LocalDate.of(2014, 6, 1).toEpochDay();
  static final int LAST_DAY = (int) LocalDate.of(2020, 12, 31).toEpochDay();

  /** Offender Rehabilitation Act 2014 commencement: PSS and RAR exist from this day. */
  static final int ORA_DAY = (int) LocalDate.of(2015, 2, 1).toEpochDay();

  static final int FY1516_FIRST = (int) LocalDate.of(2015, 4, 1).toEpochDay();
  static final int FY1516_LAST = (int) LocalDate.of(2016, 3, 31).toEpochDay();

  /** Q1 2017-18, April to June 2017: the quarter of the NAO's paid-activity range (HC 676). */
  static final int Q1_1718_FIRST = (int) LocalDate.of(2017, 4, 1).toEpochDay();

  static final int Q1_1718_LAST = (int) LocalDate.of(2017, 6, 30).toEpochDay();

  static final double DAYS_PER_MONTH = CaseWeight.DAYS_PER_MONTH;

  // ---- start rates: thousands of national starts a year, before the scale factor ----

  /**
   * Relative national start rate of a work type on a day. Court orders (CO, SSO) fall by 5% of
   * their 2014-15 level each year from April 2015; licences rise by 40 (thousand a year) on 1
   * February 2015 (the ORA's "around 40,000 additional released prisoners each year", PQ 110308);
   * PSS starts ramp up over six months from 1 February 2015 as the first short-sentence licences
   * end.
   */
  static double startRate(WorkType type, int day) {
    boolean afterOra = day >= ORA_DAY;
    switch (type) {
      case CO:
        return 105.0 * courtOrderTrend(day);
      case SSO:
        return 50.0 * courtOrderTrend(day);
      case LIC:
        return afterOra ? 85.0 : 45.0;
      case PSS:
        return afterOra ? 50.0 * Math.min(1.0, (day - ORA_DAY + 1) / 181.0) : 0.0;
      case PRE:
        return afterOra ? 70.0 : 40.0;
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * The start rate as foreseen when the contracts were let: the Offender Rehabilitation Act's
   * changes (the extra licences, PSS) but otherwise flat volumes, without the later fall in court
   * orders (MoJ "had modelled workflow changes of about 2%", PAC HC 897 via Civil Service World).
   */
  static double foreseenRate(WorkType type, int day) {
    return type.isCourtOrder() ? startRate(type, FIRST_DAY) : startRate(type, day);
  }

  private static double courtOrderTrend(int day) {
    return day < FY1516_FIRST ? 1.0 : 1.0 - 0.05 * (day - FY1516_FIRST) / 365.25;
  }

  // ---- sentence length (months) ----

  private static final int[] CO_MONTHS = {6, 9, 12, 18, 24, 36};
  private static final double[] CO_MONTHS_W = {15, 5, 40, 20, 15, 5};
  private static final int[] SSO_MONTHS = {6, 12, 18, 24};
  private static final double[] SSO_MONTHS_W = {10, 45, 20, 25};

  /** Custodial sentence bands, inclusive: 1-3, 4-6, 7-11, 12-23, 24-47, 48-83, 84-120. */
  private static final int[] BAND_LOW = {1, 4, 7, 12, 24, 48, 84};

  private static final int[] BAND_HIGH = {3, 6, 11, 23, 47, 83, 120};

  /** Licence and pre-release before the ORA: sentences of 12 months or more only. */
  private static final double[] CUSTODY_BEFORE_ORA_W = {0, 0, 0, 40, 33, 17, 10};

  /** After the ORA, 45% of releases come from sentences under 12 months. */
  private static final double[] CUSTODY_AFTER_ORA_W = {
    0.45 * 35, 0.45 * 35, 0.45 * 30, 0.55 * 40, 0.55 * 33, 0.55 * 17, 0.55 * 10
  };

  /** PSS follows sentences of under 2 years. */
  private static final double[] PSS_CUSTODY_W = {30, 30, 20, 20, 0, 0, 0};

  private static final double[] CO_MONTHS_C = cumulative(CO_MONTHS_W);
  private static final double[] SSO_MONTHS_C = cumulative(SSO_MONTHS_W);
  private static final double[] CUSTODY_BEFORE_ORA_C = cumulative(CUSTODY_BEFORE_ORA_W);
  private static final double[] CUSTODY_AFTER_ORA_C = cumulative(CUSTODY_AFTER_ORA_W);
  private static final double[] PSS_CUSTODY_C = cumulative(PSS_CUSTODY_W);

  /**
   * Sentence months: the length of the order for CO and SSO (the supervision period of an SSO); the
   * custodial sentence for LIC, PRE and PSS.
   */
  static int sentenceMonths(WorkType type, int day, double u1, double u2) {
    switch (type) {
      case CO:
        return CO_MONTHS[pick(CO_MONTHS_C, u1)];
      case SSO:
        return SSO_MONTHS[pick(SSO_MONTHS_C, u1)];
      case LIC:
      case PRE:
        return inBand(pick(day >= ORA_DAY ? CUSTODY_AFTER_ORA_C : CUSTODY_BEFORE_ORA_C, u1), u2);
      case PSS:
        return inBand(pick(PSS_CUSTODY_C, u1), u2);
      default:
        throw new AssertionError(type);
    }
  }

  private static int inBand(int band, double u) {
    int width = BAND_HIGH[band] - BAND_LOW[band] + 1;
    return BAND_LOW[band] + Math.min(width - 1, (int) (u * width));
  }

  /**
   * Planned length in days: the order for CO and SSO; half the sentence for a licence (release at
   * the halfway point) and for pre-release (time in custody); for PSS, twelve months from release
   * less the licence period.
   */
  static int plannedDays(WorkType type, int sentenceMonths) {
    double months;
    switch (type) {
      case CO:
      case SSO:
        months = sentenceMonths;
        break;
      case LIC:
      case PRE:
        months = sentenceMonths / 2.0;
        break;
      case PSS:
        months = 12.0 - sentenceMonths / 2.0;
        break;
      default:
        throw new AssertionError(type);
    }
    return (int) Math.round(months * DAYS_PER_MONTH);
  }

  // ---- provider: the NPS takes high-risk cases ----

  /** Chance that a case is assessed high risk and so allocated to the NPS. */
  static double npsChance(WorkType type, int sentenceMonths) {
    switch (type) {
      case CO:
        return 0.22;
      case SSO:
        return 0.27;
      case PSS:
        return 0.15;
      case LIC:
      case PRE:
        return sentenceMonths < 12 ? 0.25 : sentenceMonths < 48 ? 0.45 : 0.75;
      default:
        throw new AssertionError(type);
    }
  }

  // ---- requirements ----

  private static final int RAR_Q2_2015_MID = (int) LocalDate.of(2015, 5, 16).toEpochDay();
  private static final int RAR_Q2_2016_END = (int) LocalDate.of(2016, 6, 30).toEpochDay();

  /**
   * Chance that a CO or SSO has a rehabilitation activity requirement: 0 before 1 February 2015;
   * linear in time through 25% in mid April-June 2015 and 36% in mid April-June 2016 (HMIP RAR
   * thematic, Feb 2017: 36% in April-June 2016, up 44% on a year before, and 36 / 1.44 = 25), flat
   * after June 2016.
   */
  static double rarChance(WorkType type, int day) {
    if (!type.isCourtOrder() || day < ORA_DAY) {
      return 0.0;
    }
    int capped = Math.min(day, RAR_Q2_2016_END);
    return 0.25 + 0.11 * (capped - RAR_Q2_2015_MID) / 366.0;
  }

  private static final int[] RAR_DAYS = {5, 10, 15, 20, 25, 30, 40, 50, 60};
  private static final double[] RAR_DAYS_C =
      cumulative(new double[] {5, 20, 15, 20, 10, 15, 8, 4, 3});

  static int rarDays(double u) {
    return RAR_DAYS[pick(RAR_DAYS_C, u)];
  }

  /** Chance of an unpaid work requirement (CO and SSO only). */
  static double upwChance(WorkType type) {
    return type == WorkType.CO ? 0.50 : type == WorkType.SSO ? 0.40 : 0.0;
  }

  private static final int[] UPW_HOURS = {40, 50, 60, 80, 100, 120, 150, 180, 200, 240, 300};
  private static final double[] UPW_HOURS_C =
      cumulative(new double[] {5, 5, 10, 12, 15, 15, 13, 8, 8, 5, 4});

  static int upwHours(double u) {
    return UPW_HOURS[pick(UPW_HOURS_C, u)];
  }

  /**
   * Chance of an accredited programme: for CO and SSO falling linearly from 14% on 1 June 2014 to
   * 5% on 31 December 2020; on licence from 8% to 3%; never for PSS or pre-release.
   */
  static double accreditedChance(WorkType type, int day) {
    double t = (day - FIRST_DAY) / (double) (LAST_DAY - FIRST_DAY);
    if (type.isCourtOrder()) {
      return 0.14 - 0.09 * t;
    }
    return type == WorkType.LIC ? 0.08 - 0.05 * t : 0.0;
  }

  // ---- termination ----

  static final int COMPLETED = 0;
  static final int REVOKED_BREACH = 1;
  static final int REVOKED_NEW_OFFENCE = 2;
  static final int OTHER = 3;
  static final int ONGOING = 4;

  static final String[] REASONS = {
    "COMPLETED", "REVOKED_BREACH", "REVOKED_NEW_OFFENCE", "OTHER", "ONGOING"
  };

  private static final double[][] REASON_C = {
    cumulative(new double[] {62, 14, 14, 10}), // CO
    cumulative(new double[] {65, 12, 15, 8}), // SSO
    cumulative(new double[] {70, 20, 7, 3}), // LIC (revoked = recalled)
    cumulative(new double[] {72, 18, 6, 4}), // PSS
    cumulative(new double[] {96, 0, 0, 4}), // PRE
  };

  /** How the case would end if it ended by 31 December 2020 (one of the first four reasons). */
  static int reason(WorkType type, double u) {
    return pick(REASON_C[type.ordinal()], u);
  }

  // ---- weights: org.probationlens.data.CaseWeight, shared with the readers of other layouts ----

  /** The weighted-volume weight in hundredths; see {@link CaseWeight#hundredths}. */
  static int weightHundredths(WorkType type, int sentenceMonths) {
    return CaseWeight.hundredths(type, sentenceMonths);
  }

  // ---- helpers ----

  static double[] cumulative(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] c = new double[weights.length];
    double running = 0;
    for (int i = 0; i < weights.length; i++) {
      running += weights[i];
      c[i] = running / total;
    }
    c[weights.length - 1] = 1.0;
    return c;
  }

  /** The first index whose cumulative share exceeds {@code u}, skipping zero-weight entries. */
  static int pick(double[] cumulative, double u) {
    int i = 0;
    while (u >= cumulative[i]) {
      i++;
    }
    return i;
  }
}
