package org.probationlens.volume;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.probationlens.data.ProviderType;
import org.probationlens.period.ReportingPeriod;

/**
 * Where {@link VolumeVariance} gets its actual volumes: the CRC starts of a period counted, and
 * their case weights summed, by reporting unit and work type. The analysis asks only this of the
 * case data; everything after it (the forecast for the period, the apportionment to PCC areas, the
 * owners as of a date, the roll-ups, shortfall %, ranks and the mix effect) is the analysis's own.
 *
 * <p>{@link VolumeVariance#of(tech.tablesaw.api.Table, tech.tablesaw.api.Table)} answers it with
 * the aggregation engine over cases in memory; a cluster answers it with Spark SQL over cases that
 * do not fit one machine ({@code org.probationlens.spark} in the {@code spark/} module), and hands
 * the sums to {@link VolumeVariance#of(CrcStarts, tech.tablesaw.api.Table)}. Both count from the
 * same {@link Query}: which cases count is decided here, once.
 */
@FunctionalInterface
public interface CrcStarts {

  /**
   * The sums for one question.
   *
   * @param query which cases count and how they are grouped, not null
   * @return one entry per unit and work type with at least one counted case, in any order
   */
  List<Sums> count(Query query);

  /**
   * Which cases count, and how they are grouped: cases whose {@code provider_type} is {@link
   * #PROVIDER_TYPE} (NPS cases are not paid under CRC contracts) and whose {@code start_date} lies
   * in {@code [firstStart, lastStart]}, both days included (a case counts in the period that
   * contains its start date), grouped by {@code unitColumn} and {@code work_type}.
   *
   * @param unitColumn the case column naming the unit: {@code provider_code} (the CPA) or {@code
   *     pcc_area}
   * @param firstStart the first start date counted
   * @param lastStart the last start date counted, not before the first
   */
  record Query(String unitColumn, LocalDate firstStart, LocalDate lastStart) {

    /** The provider type whose cases count against a CRC contract's forecast. */
    public static final String PROVIDER_TYPE = ProviderType.CRC.name();

    /** The case columns a query reads. */
    public static final List<String> COLUMNS =
        List.of("provider_type", "start_date", "work_type", "weight");

    /** Validates the dates and the unit column. */
    public Query {
      Objects.requireNonNull(unitColumn, "unitColumn");
      Objects.requireNonNull(firstStart, "firstStart");
      Objects.requireNonNull(lastStart, "lastStart");
      if (!unitColumn.equals("provider_code") && !unitColumn.equals("pcc_area")) {
        throw new IllegalArgumentException(
            "unitColumn must be provider_code or pcc_area, was " + unitColumn);
      }
      if (lastStart.isBefore(firstStart)) {
        throw new IllegalArgumentException(
            "lastStart " + lastStart + " is before firstStart " + firstStart);
      }
    }

    /**
     * The query for a reporting period.
     *
     * @param unitColumn as the record's
     * @param period the start dates counted, not null
     * @return the query, not null
     */
    public static Query of(String unitColumn, ReportingPeriod period) {
      return new Query(unitColumn, period.start(), period.end());
    }
  }

  /**
   * One unit and work type's CRC starts.
   *
   * @param unit the unit's code (a CPA or PCC area code), not empty
   * @param workType the work type code, not empty
   * @param count the number of starts, at least 1
   * @param weight the sum of their case weights, finite and at least 0
   */
  record Sums(String unit, String workType, long count, double weight) {

    /** Validates the codes and the sums. */
    public Sums {
      if (unit == null || unit.isEmpty() || workType == null || workType.isEmpty()) {
        throw new IllegalArgumentException(
            "a CRC start needs a unit and a work type; was " + unit + "/" + workType);
      }
      if (count < 1 || !Double.isFinite(weight) || weight < 0) {
        throw new IllegalArgumentException(
            "CRC starts " + unit + "/" + workType + ": count " + count + ", weight " + weight);
      }
    }
  }
}
