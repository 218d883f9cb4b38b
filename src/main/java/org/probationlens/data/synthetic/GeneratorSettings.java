package org.probationlens.data.synthetic;

/**
 * What to generate: the seed of the random stream and the number of case rows (orders and licences
 * started). The same settings always give byte-identical files.
 *
 * @param seed any {@code long}; it fixes every random draw, including which CPA gets which
 *     synthetic 2015-16 shortfall
 * @param rows the number of rows of {@code cases.csv}, from {@link #MIN_ROWS} to {@link #MAX_ROWS}
 */
public record GeneratorSettings(long seed, long rows) {

  /**
   * The fewest rows accepted: below this the per-CPA calibration has too few cases to hold. Even at
   * this size about 1 seed in 100 leaves some CPA with no CRC start in April-June 2017, and the
   * generator stops there, naming the CPA (see {@link CaseGenerator}).
   */
  public static final long MIN_ROWS = 10_000;

  /**
   * The most rows accepted: case ids are {@code K} and eight digits, or nine above 99,999,999 rows
   * (so every smaller file stays byte for byte as it was). The fast reader holds up to 2 GB of case
   * ids, about 200 million cases of ten bytes; it refuses a larger file by name.
   */
  public static final long MAX_ROWS = 999_999_999;

  /** The digits after the {@code K} of every case id in a file of {@code rows} rows. */
  public static int idDigits(long rows) {
    return Math.max(8, Long.toString(rows).length());
  }

  /** The seed of the committed sample and of {@code ./lens data} without {@code --seed}. */
  public static final long DEFAULT_SEED = 2014;

  /** The row count of the committed sample and of {@code ./lens data} without {@code --rows}. */
  public static final long DEFAULT_ROWS = 10_000;

  /** Checks that {@code rows} is within range. */
  public GeneratorSettings {
    if (rows < MIN_ROWS || rows > MAX_ROWS) {
      throw new IllegalArgumentException(
          "rows is "
              + rows
              + "; expected a whole number from "
              + MIN_ROWS
              + " to "
              + MAX_ROWS
              + " (fewer rows cannot hold the per-CPA calibration; more do not fit the case id)");
    }
  }

  /** The settings of the committed sample: seed {@value #DEFAULT_SEED}, 10,000 rows. */
  public static GeneratorSettings defaults() {
    return new GeneratorSettings(DEFAULT_SEED, DEFAULT_ROWS);
  }
}
