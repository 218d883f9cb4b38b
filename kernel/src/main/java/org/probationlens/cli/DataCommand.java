package org.probationlens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.data.synthetic.GenerationResult;
import org.probationlens.data.synthetic.GeneratorSettings;
import org.probationlens.data.synthetic.NDeliusTables;
import org.probationlens.data.synthetic.ProgressListener;
import org.probationlens.data.synthetic.SyntheticDataFirst;
import org.probationlens.engine.CaseCsv;
import org.probationlens.parquet.CaseParquet;
import org.probationlens.parquet.DataFirstParquet;

/**
 * {@code lens data [--rows N] [--seed S] [--out DIR] [--ndelius] [--parquet] [--data-first DIR]}:
 * writes a synthetic case-level dataset ({@code cases.csv}, {@code forecast.csv}, {@code MANIFEST})
 * into a directory, with a progress bar on standard error; with {@code --ndelius}, the same cases
 * as an nDelius extract in {@code DIR/ndelius} too ({@link NDeliusTables}); with {@code
 * --data-first}, the same cases in the layout of the MoJ's Data First probation files too, as CSV
 * ({@code DIR/csv}) and as Parquet parts ({@code DIR/parquet}, one pair per million cases, at most
 * 30, as the MoJ delivers 30).
 */
public final class DataCommand {

  /** The directory written when {@code --out} is not given. */
  public static final String DEFAULT_OUT = "out/data";

  /** Exit status for success. */
  public static final int OK = 0;

  /** Exit status when the files cannot be written. */
  public static final int FAILED = 1;

  /** Exit status for a bad argument. */
  public static final int USAGE = 2;

  static final String USAGE_TEXT =
      "Usage: lens data [--rows N] [--seed S] [--out DIR] [--ndelius] [--parquet] [--data-first DIR]\n"
          + "  Writes SYNTHETIC case-level data (cases.csv, forecast.csv, MANIFEST) into DIR.\n"
          + "  --rows N   orders and licences to generate, "
          + GeneratorSettings.MIN_ROWS
          + " to "
          + GeneratorSettings.MAX_ROWS
          + " (default "
          + GeneratorSettings.DEFAULT_ROWS
          + ")\n"
          + "  --seed S   any whole number from -9223372036854775808 to 9223372036854775807"
          + " (default "
          + GeneratorSettings.DEFAULT_SEED
          + ")\n"
          + "  --out DIR  output directory (default "
          + DEFAULT_OUT
          + ")\n"
          + "  --ndelius  also write the same cases as an nDelius extract (one CSV per table, the\n"
          + "             team-to-PCC-area mapping, a MANIFEST) into DIR/ndelius\n"
          + "  --parquet  also write the same cases as DIR/cases.parquet (the case table in Parquet,\n"
          + "             read by CaseParquet, DuckDB's read_parquet and Spark)\n"
          + "  --data-first DIR  also write the same cases in the MoJ Data First layout:\n"
          + "             DIR/csv (flatfile.csv, rqmnts.csv) and DIR/parquet (Parquet parts),\n"
          + "             each with a synthetic LSOA lookup and a MANIFEST\n";

  private DataCommand() {}

  /** The parsed command line. */
  record Arguments(
      GeneratorSettings settings, Path out, boolean ndelius, Path dataFirst, boolean parquet) {}

  /** A command-line argument that cannot be used, with the message to show. */
  static final class BadArgument extends Exception {
    BadArgument(String message) {
      super(message);
    }
  }

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code data}
   * @param out where the summary goes
   * @param err where progress and errors go
   * @param terminal whether {@code err} is an interactive terminal (a redrawn bar) or not (one line
   *     per 10%)
   * @return the exit status: {@link #OK}, {@link #USAGE} or {@link #FAILED}
   */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (BadArgument e) {
      err.println("lens data: " + e.getMessage());
      err.print(USAGE_TEXT);
      return USAGE;
    }
    if (arguments == null) {
      out.print(USAGE_TEXT);
      return OK;
    }
    if (Files.exists(arguments.out()) && !Files.isDirectory(arguments.out())) {
      err.println(
          "lens data: --out "
              + arguments.out()
              + " exists and is not a directory; expected a directory");
      return USAGE;
    }
    GeneratorSettings settings = arguments.settings();
    err.println(
        "lens data: generating "
            + grouped(settings.rows())
            + " SYNTHETIC rows, seed "
            + settings.seed()
            + ", into "
            + arguments.out());
    Progress progress = new Progress(err, terminal);
    GenerationResult result;
    try {
      result = CaseGenerator.standard().generate(arguments.out(), settings, progress);
    } catch (IOException e) {
      progress.abandon();
      err.println("lens data: cannot write into " + arguments.out() + ": " + e);
      return FAILED;
    } catch (IllegalStateException e) {
      progress.abandon();
      err.println("lens data: " + e.getMessage());
      return FAILED;
    }
    out.println("synthetic data written (no row describes a real person or case):");
    out.println("  " + result.casesFile() + "  sha256 " + result.casesSha256());
    out.println("  " + result.forecastFile() + "  sha256 " + result.forecastSha256());
    out.println("  " + result.manifestFile());
    out.println(
        String.format(
            Locale.ROOT,
            "  2015-16 CRC shortfall against forecast across CPAs: %.2f%% to %.2f%%"
                + " (synthetic per CPA; published range 6%% to 36%%, PAC HC 484)",
            result.lowestShortfallPercent(),
            result.highestShortfallPercent()));
    out.println(
        String.format(
            Locale.ROOT,
            "  Q1 2017-18 CRC shortfall against forecast across CPAs: %.2f%% to %.2f%%"
                + " (synthetic per CPA; published range 16%% to 48%%, NAO HC 676)",
            result.lowestQ1201718ShortfallPercent(),
            result.highestQ1201718ShortfallPercent()));
    out.println(
        String.format(
            Locale.ROOT,
            "  scale: %.4f of a full national run (%s rows)",
            settings.rows() / (double) CaseGenerator.FULL_SCALE_ROWS,
            grouped(CaseGenerator.FULL_SCALE_ROWS)));
    if (arguments.ndelius()) {
      Path extract = arguments.out().resolve("ndelius");
      try {
        NDeliusTables.write(result, extract);
      } catch (IOException e) {
        err.println("lens data: cannot write the nDelius extract into " + extract + ": " + e);
        return FAILED;
      }
      out.println("  " + extract + "  the same cases as an nDelius extract (with its MANIFEST)");
    }
    if (arguments.parquet()) {
      Path parquet = arguments.out().resolve("cases.parquet");
      try {
        CaseParquet.write(CaseCsv.read(result.casesFile()), parquet);
      } catch (java.io.UncheckedIOException e) {
        err.println("lens data: cannot write " + parquet + ": " + e.getMessage());
        return FAILED;
      }
      out.println("  " + parquet + "  the same cases in Parquet");
    }
    if (arguments.dataFirst() != null) {
      Path csv = arguments.dataFirst().resolve("csv");
      Path parquet = arguments.dataFirst().resolve("parquet");
      int parts = (int) Math.min(30, Math.max(1, (settings.rows() + 999_999) / 1_000_000));
      try {
        SyntheticDataFirst.writeCsv(arguments.out(), csv);
        DataFirstParquet.write(arguments.out(), parquet, parts);
      } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
        err.println("lens data: cannot write the Data First layout: " + e.getMessage());
        return FAILED;
      }
      out.println("the same cases in the MoJ Data First layout (SYNTHETIC, LSOA codes X01...):");
      out.println("  " + csv + "  (flatfile.csv, rqmnts.csv, lsoa_pcc_lookup.csv, MANIFEST)");
      out.println("  " + parquet + "  (" + parts + " flat-file and requirements part(s))");
    }
    return OK;
  }

  /** Parses the arguments; returns null when help was asked for. */
  static Arguments parse(String[] args) throws BadArgument {
    long rows = GeneratorSettings.DEFAULT_ROWS;
    long seed = GeneratorSettings.DEFAULT_SEED;
    Path out = Path.of(DEFAULT_OUT);
    boolean rowsSeen = false;
    boolean seedSeen = false;
    boolean outSeen = false;
    Path dataFirst = null;
    boolean ndelius = false;
    boolean parquet = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return null;
      }
      if (arg.equals("--ndelius")) {
        if (ndelius) {
          throw new BadArgument("--ndelius given twice");
        }
        ndelius = true;
        continue;
      }
      if (arg.equals("--parquet")) {
        if (parquet) {
          throw new BadArgument("--parquet given twice");
        }
        parquet = true;
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!name.equals("--rows")
          && !name.equals("--seed")
          && !name.equals("--out")
          && !name.equals("--data-first")) {
        throw new BadArgument(
            "unknown argument '"
                + arg
                + "'; expected --rows, --seed, --out, --ndelius, --parquet or --data-first");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new BadArgument(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--rows":
          if (rowsSeen) {
            throw new BadArgument("--rows given twice");
          }
          rowsSeen = true;
          rows = rows(value);
          break;
        case "--data-first":
          if (dataFirst != null) {
            throw new BadArgument("--data-first given twice");
          }
          if (value.isEmpty()) {
            throw new BadArgument("--data-first is empty; expected a directory path");
          }
          try {
            dataFirst = Path.of(value);
          } catch (InvalidPathException e) {
            throw new BadArgument(
                "--data-first '" + value + "' is not a valid path: " + e.getReason());
          }
          break;
        case "--seed":
          if (seedSeen) {
            throw new BadArgument("--seed given twice");
          }
          seedSeen = true;
          seed = seed(value);
          break;
        default:
          if (outSeen) {
            throw new BadArgument("--out given twice");
          }
          outSeen = true;
          if (value.isEmpty()) {
            throw new BadArgument("--out is empty; expected a directory path");
          }
          try {
            out = Path.of(value);
          } catch (InvalidPathException e) {
            throw new BadArgument("--out '" + value + "' is not a valid path: " + e.getReason());
          }
      }
    }
    return new Arguments(new GeneratorSettings(seed, rows), out, ndelius, dataFirst, parquet);
  }

  private static long rows(String value) throws BadArgument {
    String expected =
        "expected a whole number from "
            + GeneratorSettings.MIN_ROWS
            + " to "
            + GeneratorSettings.MAX_ROWS
            + " (digits only)";
    if (!value.matches("[0-9]{1,9}")) {
      throw new BadArgument("--rows '" + value + "' is not valid; " + expected);
    }
    long rows = Long.parseLong(value);
    if (rows < GeneratorSettings.MIN_ROWS || rows > GeneratorSettings.MAX_ROWS) {
      throw new BadArgument("--rows " + rows + " is out of range; " + expected);
    }
    return rows;
  }

  private static long seed(String value) throws BadArgument {
    if (!value.matches("-?[0-9]{1,19}")) {
      throw new BadArgument(
          "--seed '" + value + "' is not valid; expected a whole number (a 64-bit signed integer)");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new BadArgument(
          "--seed "
              + value
              + " is out of range; expected a whole number from "
              + Long.MIN_VALUE
              + " to "
              + Long.MAX_VALUE);
    }
  }

  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A bar redrawn in place on a terminal; otherwise one line at each 10%. */
  static final class Progress implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int shown = -1;
    private boolean drawn;

    Progress(PrintStream err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    @Override
    public void progress(long rowsDone, long rowsTotal) {
      int percent = (int) (rowsDone * 100 / rowsTotal);
      if (terminal) {
        if (percent == shown) {
          return;
        }
        shown = percent;
        int filled = percent * WIDTH / 100;
        err.print(
            String.format(
                Locale.ROOT,
                "\r[%s%s] %3d%%  %s / %s rows  %.1f s",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                percent,
                grouped(rowsDone),
                grouped(rowsTotal),
                (System.nanoTime() - started) / 1e9));
        drawn = true;
        if (rowsDone == rowsTotal) {
          err.println();
          drawn = false;
        }
        err.flush();
      } else {
        int decile = percent / 10;
        if (decile <= shown) {
          return;
        }
        shown = decile;
        if (decile > 0) {
          err.println(
              "lens data: "
                  + decile * 10
                  + "% ("
                  + grouped(rowsDone)
                  + " of "
                  + grouped(rowsTotal)
                  + " rows)");
        }
      }
    }

    void abandon() {
      if (drawn) {
        err.println();
      }
    }
  }
}
