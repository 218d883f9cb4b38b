package org.probationlens.innovation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.area.GeographyException;

/**
 * A deterministic generator of synthetic innovation events, for demonstrating the timing analyses
 * that the published record cannot support: the sources give no dates of submission for, or
 * approval of, Ministry of Justice sign-off (facts.md section 5, "MoJ sign-off slowing change": not
 * found as a figure). Every event it makes is tagged {@code synthetic} and describes no real CRC;
 * the same seed always gives the same file.
 *
 * <p>The model, in brief (all parameters are assumptions of the generator, not estimates): each of
 * the 21 CRCs makes a Poisson number of innovations (mean 3.5) proposed uniformly between February
 * 2015 and September 2020, owned by the CRC's owner on the proposal date. IT, mobile working,
 * telephony and digital reporting always need sign-off (data security); other types need it with
 * probability 0.3. The wait for sign-off is log-normal with a median of 150 days times an owner
 * factor and times 1.6 for data-security types (sigma 0.6); 12% of submissions are withdrawn while
 * pending. After approval (or proposal, without sign-off) an innovation is piloted (p 0.75), rolled
 * out (p 0.7) and evaluated (p 0.3), or withdrawn (p 0.1). Events after 25 June 2021, the end of
 * the contracts, are not recorded, so late submissions stay pending (censored).
 */
public final class SyntheticInnovations {

  /** The default seed, the same as the synthetic case data's. */
  public static final long DEFAULT_SEED = 2014L;

  /** The generator's version, written into each event's source. */
  public static final int VERSION = 1;

  private static final LocalDate FIRST_PROPOSAL = LocalDate.of(2015, 2, 1);
  private static final LocalDate LAST_PROPOSAL = LocalDate.of(2020, 9, 30);
  private static final LocalDate DATA_END = LocalDate.of(2021, 6, 25);

  private static final InnovationType[] TYPES = InnovationType.values();
  private static final double[] TYPE_WEIGHTS = {0.2, 0.15, 0.1, 0.1, 0.1, 0.1, 0.08, 0.12, 0.05};

  /** The owner factors on the median wait for sign-off: assumptions, for illustration only. */
  private static final Map<String, Double> OWNER_FACTOR =
      Map.of(
          "SODEXO", 1.0,
          "PURPLE_FUTURES", 0.8,
          "WORKING_LINKS", 1.4,
          "MTCNOVO", 1.25,
          "RRP", 1.0,
          "SEETEC", 0.9,
          "EOS", 1.1,
          "ARCC", 0.7);

  private SyntheticInnovations() {}

  /**
   * The synthetic register as CSV text (header {@link InnovationRegister#HEADER}).
   *
   * @param seed the seed
   * @return the CSV text, ending with a newline; not null
   */
  public static String csv(long seed) {
    Geography geo = Geography.standard();
    Random rnd = new Random(seed);
    String source = "synthetic: SyntheticInnovations v" + VERSION + ", seed " + seed;
    StringBuilder out = new StringBuilder(InnovationRegister.HEADER).append('\n');
    int serial = 0;
    for (Cpa cpa : geo.cpas()) {
      int n = poisson(rnd, 3.5);
      for (int k = 0; k < n; k++) {
        serial++;
        LocalDate proposed;
        String owner;
        while (true) {
          proposed =
              FIRST_PROPOSAL.plusDays(rnd.nextInt(daysBetween(FIRST_PROPOSAL, LAST_PROPOSAL)));
          try {
            owner = geo.ownerOf(cpa.code(), proposed).code();
            break;
          } catch (GeographyException ownerNotPublishedToTheDay) {
            // a month in which the owner changed on an unpublished day: draw another date
          }
        }
        InnovationType type = pick(rnd);
        boolean dataSecurity =
            type == InnovationType.IT_SYSTEM
                || type == InnovationType.MOBILE_WORKING
                || type == InnovationType.TELEPHONY
                || type == InnovationType.DIGITAL_REPORTING;
        boolean signOff = dataSecurity || rnd.nextDouble() < 0.3;
        String id = String.format("SYN-%04d", serial);
        String name =
            "Synthetic "
                + type.code().replace('_', ' ')
                + " change "
                + serial
                + " ("
                + cpa.code()
                + ")";
        List<String[]> events = new ArrayList<>();
        events.add(new String[] {"proposed", proposed.toString()});
        LocalDate cursor = proposed;
        boolean alive = true;
        if (signOff) {
          LocalDate submitted = cursor.plusDays(14 + rnd.nextInt(107));
          events.add(new String[] {"submitted", submitted.toString()});
          double median = 150 * OWNER_FACTOR.get(owner) * (dataSecurity ? 1.6 : 1.0);
          long wait = Math.max(1, Math.round(median * Math.exp(0.6 * rnd.nextGaussian())));
          boolean withdraw = rnd.nextDouble() < 0.12;
          long withdrawAfter = 60 + rnd.nextInt(341);
          if (withdraw && withdrawAfter < wait) {
            events.add(new String[] {"withdrawn", submitted.plusDays(withdrawAfter).toString()});
            alive = false;
          } else {
            cursor = submitted.plusDays(wait);
            events.add(new String[] {"approved", cursor.toString()});
          }
        }
        if (alive) {
          alive = step(rnd, events, "piloted", 0.75, 30, 150, cursor);
        }
        if (alive) {
          alive = step(rnd, events, "rolled_out", 0.7, 60, 300, last(events));
        }
        if (alive) {
          step(rnd, events, "evaluated", 0.3, 180, 500, last(events));
        }
        for (String[] e : events) {
          if (LocalDate.parse(e[1]).isAfter(DATA_END)) {
            break;
          }
          out.append(id)
              .append(',')
              .append(org.probationlens.read.CsvField.quote(name))
              .append(',')
              .append(type.code())
              .append(',')
              .append(cpa.code())
              .append(',')
              .append(owner)
              .append(',')
              .append(e[0])
              .append(',')
              .append(e[1])
              .append(",on,")
              .append(org.probationlens.read.CsvField.quote(source))
              .append(",synthetic\n");
        }
      }
    }
    return out.toString();
  }

  /**
   * Writes the synthetic register to a file, for example {@code
   * data/sample/innovation_events_synthetic.csv}.
   *
   * @param file the file to write (replaced if it exists), not null
   * @param seed the seed
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Path file, long seed) {
    Objects.requireNonNull(file, "file");
    try {
      Files.writeString(file, csv(seed), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Adds a stage with probability p after a uniform delay; otherwise maybe a withdrawal. */
  private static boolean step(
      Random rnd, List<String[]> events, String stage, double p, int min, int max, LocalDate from) {
    if (rnd.nextDouble() < p) {
      events.add(new String[] {stage, from.plusDays(min + rnd.nextInt(max - min + 1)).toString()});
      return true;
    }
    if (rnd.nextDouble() < 0.1) {
      events.add(new String[] {"withdrawn", from.plusDays(30 + rnd.nextInt(300)).toString()});
    }
    return false;
  }

  private static LocalDate last(List<String[]> events) {
    return LocalDate.parse(events.get(events.size() - 1)[1]);
  }

  private static int daysBetween(LocalDate a, LocalDate b) {
    return (int) ChronoUnit.DAYS.between(a, b) + 1;
  }

  private static InnovationType pick(Random rnd) {
    double u = rnd.nextDouble();
    double acc = 0;
    for (int i = 0; i < TYPES.length; i++) {
      acc += TYPE_WEIGHTS[i];
      if (u < acc) {
        return TYPES[i];
      }
    }
    return TYPES[TYPES.length - 1];
  }

  private static int poisson(Random rnd, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
