package org.probationlens.innovation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.area.Ownership;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Schema;
import org.probationlens.stats.KaplanMeier;
import org.probationlens.stats.KaplanMeierCurve;
import org.probationlens.stats.LogRankResult;
import org.probationlens.stats.LogRankTest;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A register of CRC innovations and their lifecycles: what was tried, by which CRC and owner, how
 * far it got and when, and the evidence for each step. It answers whether innovation was "few and
 * far between" (counts, diffusion across the 21 CRCs, an index per CRC) and whether Ministry of
 * Justice sign-off slowed it (time from submission to approval as a survival analysis).
 *
 * <p>The register file is CSV, one row per event, with the header {@value #HEADER}. See {@code
 * data/reference/innovations.csv} (documented events, each with its source) and {@link
 * SyntheticInnovations} (synthetic events, in a separate file). Every file is read by the project's
 * validating loader ({@link DatasetLoader}: UTF-8, RFC 4180 quoting, the header exactly) and every
 * row and innovation is checked; a {@link DatasetValidationException} lists every problem, each
 * with file, line, column, value and what was expected. Immutable and thread-safe.
 */
public final class InnovationRegister {

  /** The register's CSV header. */
  public static final String HEADER =
      "innovation_id,innovation,type,provider,owner,stage,date,date_kind,source,tag";

  /** The earliest year a register event may fall in: the Transforming Rehabilitation programme. */
  static final int FIRST_YEAR = 2013;

  /** The last year a register event may fall in: the CRC contracts ended on 25 June 2021. */
  static final int LAST_YEAR = 2021;

  private static final List<String> COLUMNS = List.of(HEADER.split(","));
  private static final String DOCUMENTED_RESOURCE = "/data/reference/innovations.csv";
  private static final String COUNTS_RESOURCE = "/data/reference/innovation_counts.csv";
  private static final LocalDate CONTRACTS_START = LocalDate.of(2014, 6, 1);
  private static final LocalDate CONTRACTS_END = LocalDate.of(2021, 6, 25);

  private static final String JUDGEMENTS_RESOURCE = "/data/reference/innovation_judgements.csv";

  private final List<Innovation> innovations;
  private final Geography geography;
  private final Sources sources;

  private InnovationRegister(List<Innovation> innovations, Geography geography, Sources sources) {
    this.innovations = List.copyOf(innovations);
    this.geography = geography;
    this.sources = sources;
  }

  private InnovationRegister withSources(Sources s) {
    return new InnovationRegister(innovations, geography, s);
  }

  /**
   * Where the register's events came from: the documented file (derived from published sources),
   * the synthetic generator with its seed, or a file read without a stated provenance.
   *
   * @return the sources, not null
   */
  public Sources sources() {
    return sources;
  }

  private static byte[] resource(String name) {
    try (InputStream in = InnovationRegister.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("class-path resource " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Provenance referenceProvenance(String title, String file, byte[] bytes) {
    return Provenance.derived(
        title,
        "compiled by Probation Lens from HMI Probation, NAO, PAC, MTC and press publications"
            + " (data/reference/"
            + file
            + "; each row cites its source)",
        "compiled from published sources; each row cites its own",
        org.probationlens.read.Sha256.of(bytes));
  }

  /**
   * The documented innovations: events found in published sources (facts.md section 5), read from
   * {@code data/reference/innovations.csv} on the class path. No event here is synthetic.
   *
   * @return the register, not null
   */
  public static InnovationRegister documented() {
    byte[] bytes = resource(DOCUMENTED_RESOURCE);
    return parse("innovations.csv", bytes)
        .withSources(
            Sources.of(
                referenceProvenance(
                    "Documented CRC innovations (events found in published sources)",
                    "innovations.csv",
                    bytes)));
  }

  /**
   * A synthetic register from {@link SyntheticInnovations}, the same for the same seed. Every event
   * is tagged {@code synthetic}; none describes a real CRC.
   *
   * @param seed the generator's seed, for example {@link SyntheticInnovations#DEFAULT_SEED}
   * @return the register, not null
   */
  public static InnovationRegister synthetic(long seed) {
    byte[] bytes = SyntheticInnovations.csv(seed).getBytes(StandardCharsets.UTF_8);
    return parse("synthetic(seed " + seed + ")", bytes)
        .withSources(
            Sources.of(
                Provenance.synthetic(
                    "Synthetic innovation events (not facts about any CRC)",
                    "Probation Lens " + SyntheticInnovations.class.getName(),
                    seed,
                    String.valueOf(SyntheticInnovations.VERSION),
                    org.probationlens.read.Sha256.of(bytes))));
  }

  /**
   * Loads a register file.
   *
   * @param file the CSV file, not null
   * @return the register, not null
   * @throws DatasetValidationException at the first invalid cell
   * @throws UncheckedIOException if the file cannot be read
   */
  public static InnovationRegister load(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read innovation register " + file, e);
    }
    return parse(file.getFileName().toString(), bytes);
  }

  /**
   * Reads a register from CSV text.
   *
   * @param fileName the name to use in error messages, not null
   * @param reader the CSV text, not null; not closed
   * @return the register, not null
   * @throws DatasetValidationException at the first invalid cell
   */
  public static InnovationRegister read(String fileName, Reader reader) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(reader, "reader");
    StringBuilder text = new StringBuilder();
    try {
      reader.transferTo(
          new java.io.Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
              text.append(chars, off, len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read innovation register " + fileName, e);
    }
    return parse(fileName, text.toString().getBytes(StandardCharsets.UTF_8))
        .withSources(
            Sources.assumed(
                "innovation register "
                    + fileName
                    + " read without a stated provenance: say where it came from before quoting"
                    + " it"));
  }

  /** The register file's layout for the validating loader: the header, and text in every cell. */
  static final Schema SCHEMA = textSchema("innovations", COLUMNS);

  /** A schema of text columns (blank allowed); the register's own rules are checked after. */
  static Schema textSchema(String name, List<String> columns) {
    return Schema.builder(name)
        .columns(
            columns.stream().map(c -> ColumnSpec.text(c).optional()).toArray(ColumnSpec[]::new))
        .build();
  }

  private static InnovationRegister parse(String fileName, byte[] bytes) {
    DatasetLoader.Hashed read = DatasetLoader.of(SCHEMA).readBytes(fileName, bytes);
    return new Parser(fileName, Geography.standard()).parse(read);
  }

  /**
   * This register together with another, for example the documented events with the synthetic ones.
   * Innovation ids must not repeat.
   *
   * @param other the other register, not null
   * @return a new register holding both, not null
   * @throws IllegalArgumentException naming an id found in both, with where each came from
   */
  public InnovationRegister with(InnovationRegister other) {
    Objects.requireNonNull(other, "other");
    Map<String, Innovation> byId = new LinkedHashMap<>();
    for (Innovation i : innovations) {
      byId.put(i.id(), i);
    }
    for (Innovation i : other.innovations) {
      Innovation clash = byId.putIfAbsent(i.id(), i);
      if (clash != null) {
        throw new IllegalArgumentException(
            "innovation id "
                + i.id()
                + " is in both registers ("
                + clash.events().get(0).origin()
                + " and "
                + i.events().get(0).origin()
                + "); expected unique ids");
      }
    }
    return new InnovationRegister(
        new ArrayList<>(byId.values()), geography, sources.and(other.sources));
  }

  /**
   * The innovations in file order.
   *
   * @return an unmodifiable list, not null
   */
  public List<Innovation> innovations() {
    return innovations;
  }

  /**
   * Every event as a table, one row per event: {@code innovation_id, innovation, type, provider,
   * owner, stage, date, source, tag}, with the date as written (for example {@code "by 2017-04"}).
   *
   * @return a new table, not null
   */
  public ResultTable events() {
    StringColumn id = StringColumn.create("innovation_id");
    StringColumn name = StringColumn.create("innovation");
    StringColumn type = StringColumn.create("type");
    StringColumn provider = StringColumn.create("provider");
    StringColumn owner = StringColumn.create("owner");
    StringColumn stage = StringColumn.create("stage");
    StringColumn date = StringColumn.create("date");
    StringColumn source = StringColumn.create("source");
    StringColumn tag = StringColumn.create("tag");
    for (Innovation i : innovations) {
      for (InnovationEvent e : i.events()) {
        id.append(i.id());
        name.append(i.name());
        type.append(i.type().code());
        provider.append(i.provider());
        owner.append(i.ownerCode());
        stage.append(e.stage().code());
        date.append(e.date().toString());
        source.append(e.source());
        tag.append(e.tag().code());
      }
    }
    return ResultTable.of(
        "Innovation events, one row per stage reached",
        Table.create(
            "innovation events", id, name, type, provider, owner, stage, date, source, tag),
        sources);
  }

  /**
   * How many innovations there are by provider, owner, type or year, with how many of them are
   * documented and how many synthetic: columns {@code <breakdown>, innovations, documented,
   * synthetic}, in key order.
   *
   * @param breakdown the grouping, not null
   * @return a new table, not null
   */
  public ResultTable countBy(Breakdown breakdown) {
    Objects.requireNonNull(breakdown, "breakdown");
    TreeMap<String, int[]> counts = new TreeMap<>();
    for (Innovation i : innovations) {
      String key =
          switch (breakdown) {
            case PROVIDER -> i.provider();
            case OWNER -> i.ownerCode();
            case TYPE -> i.type().code();
            case YEAR -> firstYear(i).map(String::valueOf).orElse("unknown");
          };
      int[] c = counts.computeIfAbsent(key, k -> new int[2]);
      c[i.synthetic() ? 1 : 0]++;
    }
    StringColumn key = StringColumn.create(breakdown.name().toLowerCase());
    IntColumn total = IntColumn.create("innovations");
    IntColumn documented = IntColumn.create("documented");
    IntColumn synthetic = IntColumn.create("synthetic");
    counts.forEach(
        (k, c) -> {
          key.append(k);
          total.append(c[0] + c[1]);
          documented.append(c[0]);
          synthetic.append(c[1]);
        });
    return ResultTable.of(
        "Innovations by " + breakdown.name().toLowerCase(),
        Table.create(
            "innovations by " + breakdown.name().toLowerCase(), key, total, documented, synthetic),
        sources);
  }

  private static Optional<Integer> firstYear(Innovation i) {
    return i.events().stream()
        .map(InnovationEvent::date)
        .filter(d -> d.precision() != EventDate.Precision.UNKNOWN)
        .map(d -> d.start().getYear())
        .min(Comparator.naturalOrder());
  }

  /**
   * Time from submission for Ministry of Justice sign-off to approval, in days, as a survival
   * analysis by owner (Kaplan-Meier with 95% log-log intervals; log-rank test between owners).
   * Submissions still pending on {@code asOf} are censored there; see {@link #timeBetween}.
   *
   * @param asOf the analysis date, not null
   * @return the analysis, grouped by owner code; not null
   * @throws IllegalStateException when no submission can enter (the documented register has none:
   *     the published sources give no sign-off dates)
   */
  public StageTimes timeToSignOff(LocalDate asOf) {
    return timeBetween(
        LifecycleStage.SUBMITTED, LifecycleStage.APPROVED, asOf, Innovation::ownerCode);
  }

  /**
   * Time from proposal to roll-out, in days, for innovations that went through Ministry of Justice
   * sign-off ({@code "with sign-off"}: they have a submission event) against those that did not
   * ({@code "without sign-off"}): whether sign-off is what slows innovation down.
   *
   * @param asOf the analysis date, not null
   * @return the analysis, two groups; not null
   * @throws IllegalStateException when no innovation has a proposal date known to the day
   */
  public StageTimes timeToRollOut(LocalDate asOf) {
    return timeBetween(
        LifecycleStage.PROPOSED,
        LifecycleStage.ROLLED_OUT,
        asOf,
        i -> i.event(LifecycleStage.SUBMITTED).isPresent() ? "with sign-off" : "without sign-off");
  }

  /**
   * Time from one stage to a later one, in days, as a survival analysis by group.
   *
   * <p>Only innovations whose {@code from} event is dated to the day, on or before {@code asOf},
   * enter. One that reached {@code to} on or before {@code asOf} is an event (that date must be
   * known to the day); one still waiting is censored at {@code asOf}; one withdrawn first is
   * censored at its withdrawal. Innovations left out are listed with their reason in {@link
   * StageTimes#excluded()}.
   *
   * @param from the stage that starts the clock, not null
   * @param to a later stage that stops it, not null
   * @param asOf the analysis date, not null
   * @param grouping the group of each innovation, for example {@code Innovation::ownerCode}; not
   *     null
   * @return the analysis, not null
   * @throws IllegalArgumentException when {@code to} does not come after {@code from}
   * @throws IllegalStateException when no innovation can enter
   */
  public StageTimes timeBetween(
      LifecycleStage from,
      LifecycleStage to,
      LocalDate asOf,
      java.util.function.Function<Innovation, String> grouping) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(grouping, "grouping");
    if (to.compareTo(from) <= 0 || to == LifecycleStage.WITHDRAWN) {
      throw new IllegalArgumentException(
          "to: expected a stage after " + from.code() + " other than withdrawn, got " + to.code());
    }
    StringColumn id = StringColumn.create("id");
    StringColumn group = StringColumn.create("group");
    StringColumn owner = StringColumn.create("owner");
    StringColumn type = StringColumn.create("type");
    StringColumn provider = StringColumn.create("provider");
    DateColumn start = DateColumn.create("start");
    DoubleColumn days = DoubleColumn.create("days");
    BooleanColumn reached = BooleanColumn.create("reached");
    StringColumn status = StringColumn.create("status");
    StringColumn tag = StringColumn.create("tag");
    List<String> excluded = new ArrayList<>();
    for (Innovation i : innovations) {
      Optional<InnovationEvent> first = i.event(from);
      if (first.isEmpty()) {
        continue;
      }
      EventDate s = first.get().date();
      if (!s.exactDay()) {
        excluded.add(i.id() + ": " + from.code() + " date " + s + " is not known to the day");
        continue;
      }
      if (s.start().isAfter(asOf)) {
        excluded.add(i.id() + ": " + from.code() + " " + s + ", after the analysis date " + asOf);
        continue;
      }
      Optional<InnovationEvent> end = i.event(to);
      Optional<InnovationEvent> wd = i.event(LifecycleStage.WITHDRAWN);
      LocalDate stop;
      boolean event;
      String st;
      if (end.isPresent() && end.get().date().latest().map(d -> !d.isAfter(asOf)).orElse(false)) {
        if (!end.get().date().exactDay()) {
          excluded.add(
              i.id() + ": " + to.code() + " date " + end.get().date() + " is not known to the day");
          continue;
        }
        stop = end.get().date().start();
        event = true;
        st = "reached";
      } else if (wd.isPresent()
          && wd.get().date().exactDay()
          && !wd.get().date().start().isAfter(asOf)) {
        stop = wd.get().date().start();
        event = false;
        st = "withdrawn";
      } else {
        stop = asOf;
        event = false;
        st = "waiting";
      }
      id.append(i.id());
      group.append(Objects.requireNonNull(grouping.apply(i), "group of " + i.id()));
      owner.append(i.ownerCode());
      type.append(i.type().code());
      provider.append(i.provider());
      start.append(s.start());
      days.append(ChronoUnit.DAYS.between(s.start(), stop));
      reached.append(event);
      status.append(st);
      tag.append(first.get().tag().code());
    }
    if (id.isEmpty()) {
      throw new IllegalStateException(
          "no innovation has a "
              + from.code()
              + " date known to the day on or before "
              + asOf
              + " (excluded: "
              + excluded.size()
              + "); the published sources give no such dates: add the synthetic register"
              + " (InnovationRegister.synthetic(seed)) to demonstrate the method");
    }
    Table times =
        Table.create(
            "days from " + from.code() + " to " + to.code() + ", as of " + asOf,
            id,
            group,
            owner,
            type,
            provider,
            start,
            days,
            reached,
            status,
            tag);
    double[] t = days.asDoubleArray();
    boolean[] e = new boolean[t.length];
    String[] g = new String[t.length];
    for (int r = 0; r < t.length; r++) {
      e[r] = reached.get(r);
      g[r] = group.get(r);
    }
    KaplanMeierCurve overall = KaplanMeier.estimate(t, e);
    Map<String, KaplanMeierCurve> byGroup = new TreeMap<>();
    for (String name : new TreeSet<>(group.asList())) {
      List<Integer> rows = new ArrayList<>();
      for (int r = 0; r < g.length; r++) {
        if (g[r].equals(name)) {
          rows.add(r);
        }
      }
      double[] gt = rows.stream().mapToDouble(r -> t[r]).toArray();
      boolean[] ge = new boolean[rows.size()];
      for (int k = 0; k < rows.size(); k++) {
        ge[k] = e[rows.get(k)];
      }
      byGroup.put(name, KaplanMeier.estimate(gt, ge));
    }
    Optional<LogRankResult> test = Optional.empty();
    if (byGroup.size() >= 2) {
      try {
        test = Optional.of(LogRankTest.test(t, e, g));
      } catch (IllegalArgumentException notTestable) {
        excluded.add("log-rank test between groups not possible: " + notTestable.getMessage());
      }
    }
    return new StageTimes(asOf, from, to, times, overall, byGroup, test, excluded, sources);
  }

  /**
   * The diffusion of one type of innovation across the 21 CRCs: when each CRC first reached a stage
   * (for example {@link LifecycleStage#ROLLED_OUT}) with an innovation of that type, and the
   * cumulative number and share of CRCs by then. An owner-wide innovation counts for each CRC the
   * owner held at the time. A "by" date counts at the end of its period (adopted no later than).
   *
   * <p>Columns: {@code type, cpa_code, crc, adopted_by, date_as_recorded, innovation_id, tag,
   * cumulative_crcs, share_of_crcs}, in date order; CRCs whose adoption is undated come last with
   * empty {@code adopted_by}, {@code cumulative_crcs} and {@code share_of_crcs}.
   *
   * @param type the innovation type, not null
   * @param stage the stage that counts as adoption, not null
   * @return a new table, one row per adopting CRC, not null
   */
  public ResultTable diffusion(InnovationType type, LifecycleStage stage) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stage, "stage");
    record Adoption(String cpa, Optional<LocalDate> by, InnovationEvent event, String id) {}
    Map<String, Adoption> first = new TreeMap<>();
    for (Innovation i : innovations) {
      if (i.type() != type) {
        continue;
      }
      Optional<InnovationEvent> ev = i.event(stage);
      if (ev.isEmpty()) {
        continue;
      }
      Optional<LocalDate> by = ev.get().date().latest();
      for (String cpa : cpasOf(i)) {
        Adoption a = new Adoption(cpa, by, ev.get(), i.id());
        first.merge(cpa, a, (x, y) -> earlier(x.by(), y.by()) ? x : y);
      }
    }
    List<Adoption> ordered = new ArrayList<>(first.values());
    ordered.sort(
        Comparator.comparing(
                (Adoption a) -> a.by().orElse(LocalDate.MAX), Comparator.naturalOrder())
            .thenComparing(Adoption::cpa));
    StringColumn kind = StringColumn.create("type");
    StringColumn cpa = StringColumn.create("cpa_code");
    StringColumn crc = StringColumn.create("crc");
    DateColumn adopted = DateColumn.create("adopted_by");
    StringColumn recorded = StringColumn.create("date_as_recorded");
    StringColumn innovation = StringColumn.create("innovation_id");
    StringColumn tag = StringColumn.create("tag");
    IntColumn cumulative = IntColumn.create("cumulative_crcs");
    DoubleColumn share = DoubleColumn.create("share_of_crcs");
    int n = 0;
    int all = geography.cpas().size();
    for (Adoption a : ordered) {
      kind.append(type.code());
      cpa.append(a.cpa());
      crc.append(geography.cpa(a.cpa()).shortName());
      recorded.append(a.event().date().toString());
      innovation.append(a.id());
      tag.append(a.event().tag().code());
      if (a.by().isPresent()) {
        n++;
        adopted.append(a.by().get());
        cumulative.append(n);
        share.append((double) n / all);
      } else {
        adopted.appendMissing();
        cumulative.appendMissing();
        share.appendMissing();
      }
    }
    return ResultTable.of(
        "Diffusion of " + type.code() + " (" + stage.code() + ") across the 21 CRCs",
        Table.create(
            "diffusion of " + type.code() + " (" + stage.code() + ") across CRCs",
            kind,
            cpa,
            crc,
            adopted,
            recorded,
            innovation,
            tag,
            cumulative,
            share),
        sources);
  }

  /**
   * Diffusion curves for charting: for each type, the cumulative number and share of the 21 CRCs
   * that had reached {@code stage} by each date, from 0 on 1 June 2014 (the CRCs' creation) to 25
   * June 2021 (the end of the contracts), one row per date on which the count changed. Adoptions
   * with an unknown date are left off the curve (they are listed by {@link #diffusion}).
   *
   * <p>Columns: {@code type, date, cumulative_crcs, share_of_crcs}.
   *
   * @param types the innovation types, not null or empty
   * @param stage the stage that counts as adoption, not null
   * @return a new table in long form, one curve per type, not null
   */
  public ResultTable diffusionCurves(List<InnovationType> types, LifecycleStage stage) {
    Objects.requireNonNull(types, "types");
    if (types.isEmpty()) {
      throw new IllegalArgumentException("types: expected at least one innovation type");
    }
    StringColumn kind = StringColumn.create("type");
    DateColumn date = DateColumn.create("date");
    IntColumn cumulative = IntColumn.create("cumulative_crcs");
    DoubleColumn share = DoubleColumn.create("share_of_crcs");
    int all = geography.cpas().size();
    for (InnovationType type : types) {
      Table t = diffusion(type, stage).table();
      TreeMap<LocalDate, Integer> byDate = new TreeMap<>();
      byDate.put(CONTRACTS_START, 0);
      int last = 0;
      for (int r = 0; r < t.rowCount(); r++) {
        if (!t.dateColumn("adopted_by").isMissing(r)) {
          last = t.intColumn("cumulative_crcs").getInt(r);
          byDate.put(t.dateColumn("adopted_by").get(r), last);
        }
      }
      byDate.put(CONTRACTS_END, last);
      byDate.forEach(
          (d, n) -> {
            kind.append(type.code());
            date.append(d);
            cumulative.append(n);
            share.append((double) n / all);
          });
    }
    return ResultTable.of(
        "CRCs that had reached " + stage.code() + ", by type of innovation and date",
        Table.create(
            "CRCs that had reached " + stage.code() + ", by type", kind, date, cumulative, share),
        sources);
  }

  private static boolean earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty()) {
      return false;
    }
    return b.isEmpty() || !a.get().isAfter(b.get());
  }

  /**
   * The innovation index of each of the 21 CRCs: a weighted count of the innovations that applied
   * to it (its own and its owner's owner-wide ones), weighting each by the furthest stage it
   * reached before any withdrawal:
   *
   * <pre>
   *   index(CRC) = sum over its innovations of w(furthest stage)
   *   w = 0.25 proposed or submitted, 0.5 approved, 0.75 piloted, 1.0 rolled out or evaluated
   * </pre>
   *
   * <p>An innovation that never got beyond withdrawal counts 0. A practice that HM Inspectorate of
   * Probation criticised (telephone-only supervision, open interview booths: {@link #judgements()})
   * was adopted but is no innovation to credit: it is counted in {@code innovations} and {@code
   * criticised_by_inspectors} and left out of the index. The index counts breadth of uncriticised
   * activity, not its quality or effect. Columns: {@code cpa_code, crc, innovations, rolled_out,
   * types, documented, synthetic, criticised_by_inspectors, index}, in CPA order.
   *
   * @return a new result with 21 rows, not null
   */
  public ResultTable innovationIndex() {
    Map<String, String> judged = judgementById();
    Map<String, List<Innovation>> byCpa = new TreeMap<>();
    for (Cpa c : geography.cpas()) {
      byCpa.put(c.code(), new ArrayList<>());
    }
    for (Innovation i : innovations) {
      for (String cpa : cpasOf(i)) {
        byCpa.get(cpa).add(i);
      }
    }
    StringColumn cpa = StringColumn.create("cpa_code");
    StringColumn crc = StringColumn.create("crc");
    IntColumn count = IntColumn.create("innovations");
    IntColumn rolledOut = IntColumn.create("rolled_out");
    IntColumn types = IntColumn.create("types");
    IntColumn documented = IntColumn.create("documented");
    IntColumn synthetic = IntColumn.create("synthetic");
    IntColumn criticised = IntColumn.create("criticised_by_inspectors");
    DoubleColumn index = DoubleColumn.create("index");
    byCpa.forEach(
        (code, list) -> {
          cpa.append(code);
          crc.append(geography.cpa(code).shortName());
          count.append(list.size());
          rolledOut.append(
              (int)
                  list.stream()
                      .filter(i -> i.furthestStage().compareTo(LifecycleStage.ROLLED_OUT) >= 0)
                      .filter(i -> i.furthestStage() != LifecycleStage.WITHDRAWN)
                      .count());
          types.append((int) list.stream().map(Innovation::type).distinct().count());
          documented.append((int) list.stream().filter(i -> !i.synthetic()).count());
          synthetic.append((int) list.stream().filter(Innovation::synthetic).count());
          criticised.append(
              (int) list.stream().filter(i -> CRITICISED.equals(judged.get(i.id()))).count());
          index.append(
              list.stream()
                  .filter(i -> !CRITICISED.equals(judged.get(i.id())))
                  .mapToDouble(i -> weight(i.furthestStage()))
                  .sum());
        });
    return ResultTable.of(
            "Innovation index by CRC (practices criticised by inspectors left out)",
            Table.create(
                "innovation index by CRC",
                cpa,
                crc,
                count,
                rolledOut,
                types,
                documented,
                synthetic,
                criticised,
                index),
            sources.and(judgementSources()))
        .withNote(
            "innovations counts what was adopted; criticised_by_inspectors counts those HM"
                + " Inspectorate of Probation criticised (telephone-only supervision, open"
                + " interview booths, tools that do not link to nDelius), which the index leaves"
                + " out. The index counts breadth of activity, not its quality or effect.");
  }

  /** A judgement value: inspectors criticised the practice. */
  static final String CRITICISED = "criticised";

  private static Map<String, String> judgementById() {
    Map<String, String> out = new LinkedHashMap<>();
    Table t = judgementTable();
    for (int i = 0; i < t.rowCount(); i++) {
      out.put(t.stringColumn("innovation_id").get(i), t.stringColumn("judgement").get(i));
    }
    return out;
  }

  private static Sources judgementSources() {
    return Sources.of(
        referenceProvenance(
            "What inspectors (or the press) judged of each documented innovation",
            "innovation_judgements.csv",
            resource(JUDGEMENTS_RESOURCE)));
  }

  private static final List<String> JUDGEMENT_HEADER =
      List.of("innovation_id", "judgement", "finding", "judged_by", "source", "tag");
  private static final Set<String> JUDGEMENTS =
      Set.of(CRITICISED, "concern", "not_judged", "praised");

  /** The judgements file's layout for the validating loader: text cells, judgement a code. */
  private static final Schema JUDGEMENT_SCHEMA =
      Schema.builder("innovation_judgements")
          .columns(
              JUDGEMENT_HEADER.stream()
                  .map(
                      c ->
                          c.equals("judgement")
                              ? ColumnSpec.code(c, new TreeSet<>(JUDGEMENTS))
                              : ColumnSpec.text(c).optional())
                  .toArray(ColumnSpec[]::new))
          .build();

  private static Table judgementTable() {
    return DatasetLoader.of(JUDGEMENT_SCHEMA)
        .readBytes("innovation_judgements.csv", resource(JUDGEMENTS_RESOURCE))
        .table();
  }

  /**
   * What was judged of each documented innovation, kept apart from what was adopted: one row per
   * innovation in {@code data/reference/innovation_judgements.csv}, with its judgement ({@code
   * criticised}, {@code concern}, {@code praised}, or {@code not_judged}), the finding, who judged
   * it (HM Inspectorate of Probation unless said otherwise) and the source. Synthetic innovations
   * are judged by no one.
   *
   * @return columns {@code innovation_id, innovation, provider, judgement, finding, judged_by,
   *     source, tag}; not null
   */
  public ResultTable judgements() {
    Table t = judgementTable();
    Map<String, Innovation> byId = new LinkedHashMap<>();
    innovations.forEach(i -> byId.put(i.id(), i));
    StringColumn name = StringColumn.create("innovation");
    StringColumn provider = StringColumn.create("provider");
    Table rows = t.emptyCopy();
    for (int i = 0; i < t.rowCount(); i++) {
      Innovation inn = byId.get(t.stringColumn("innovation_id").get(i));
      if (inn != null) {
        rows.addRow(i, t);
        name.append(inn.name());
        provider.append(inn.provider());
      }
    }
    rows.insertColumn(1, name);
    rows.insertColumn(2, provider);
    return ResultTable.of(
        "What inspectors judged of each documented innovation",
        rows,
        sources.and(judgementSources()));
  }

  /** The index weight of the furthest stage an innovation reached. */
  static double weight(LifecycleStage furthest) {
    return switch (furthest) {
      case PROPOSED, SUBMITTED -> 0.25;
      case APPROVED -> 0.5;
      case PILOTED -> 0.75;
      case ROLLED_OUT, EVALUATED -> 1.0;
      case WITHDRAWN -> 0.0;
    };
  }

  /** The CPAs an innovation applied to: its own, or those its owner held during its events. */
  private List<String> cpasOf(Innovation i) {
    if (!i.ownerWide()) {
      return List.of(i.provider());
    }
    LocalDate from =
        i.events().stream()
            .map(e -> e.date().earliest())
            .flatMap(Optional::stream)
            .min(Comparator.naturalOrder())
            .orElse(CONTRACTS_START);
    LocalDate to =
        i.events().stream()
            .map(e -> e.date().latest())
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder())
            .orElse(CONTRACTS_END);
    Set<String> out = new LinkedHashSet<>();
    for (Ownership o : geography.ownerships()) {
      if (o.ownerCode().equals(i.ownerCode()) && !o.from().isAfter(to) && !o.to().isBefore(from)) {
        out.add(o.cpaCode());
      }
    }
    return new ArrayList<>(new TreeSet<>(out));
  }

  /**
   * Published counts about CRC innovation that name no CRC, such as the NAO's finding (2019) that
   * only 2 of the 21 CRCs delivered the IT they promised; from {@code
   * data/reference/innovation_counts.csv}, validated on load.
   *
   * <p>Columns: {@code measure, value, of, period, source, tag}.
   *
   * @return a new table, not null
   */
  public static ResultTable publishedCounts() {
    List<PublishedCount> counts;
    try (InputStream in = InnovationRegister.class.getResourceAsStream(COUNTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "class-path resource " + COUNTS_RESOURCE + " is missing from the jar");
      }
      counts = PublishedCount.parse("innovation_counts.csv", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Table t =
        Table.create(
            "published counts about CRC innovation",
            StringColumn.create("measure", counts.stream().map(PublishedCount::measure).toList()),
            IntColumn.create("value", counts.stream().mapToInt(PublishedCount::value).toArray()),
            IntColumn.create("of", counts.stream().mapToInt(PublishedCount::of).toArray()),
            StringColumn.create("period", counts.stream().map(PublishedCount::period).toList()),
            StringColumn.create("source", counts.stream().map(PublishedCount::source).toList()),
            StringColumn.create("tag", counts.stream().map(c -> c.tag().code()).toList()));
    return ResultTable.of(
        "Published counts about CRC innovation that name no CRC",
        t,
        Sources.of(
            referenceProvenance(
                "Published counts about CRC innovation",
                "innovation_counts.csv",
                resource(COUNTS_RESOURCE))));
  }

  /** A located problem, thrown to end the check of one row or one innovation. */
  private static final class Located extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    Located(Problem problem) {
      super(problem.toString(), null, false, false);
      this.problem = problem;
    }
  }

  /** Validates the register's rows, then each innovation's events; lists every problem. */
  private static final class Parser {
    private final String file;
    private final Geography geo;
    private final Set<String> cpaCodes = new TreeSet<>();
    private final Set<String> ownerCodes = new TreeSet<>();

    Parser(String file, Geography geo) {
      this.file = file;
      this.geo = geo;
      geo.cpas().forEach(c -> cpaCodes.add(c.code()));
      geo.owners().forEach(o -> ownerCodes.add(o.code()));
    }

    private final List<Problem> problems = new ArrayList<>();

    /** A problem found at a cell; thrown to end the check of its row or innovation. */
    private Located error(long line, String column, String value, String expected) {
      int number = COLUMNS.indexOf(column) + 1;
      return new Located(
          number == 0
              ? new Problem(file, line, null, 0, value, expected)
              : new Problem(file, line, column, number, value, expected));
    }

    private record Row(
        long line,
        String id,
        String name,
        InnovationType type,
        String provider,
        String owner,
        InnovationEvent event) {}

    InnovationRegister parse(DatasetLoader.Hashed read) {
      Table table = read.table();
      Map<String, List<Row>> byId = new LinkedHashMap<>();
      for (int r = 0; r < table.rowCount(); r++) {
        List<String> f = new ArrayList<>(COLUMNS.size());
        for (String column : COLUMNS) {
          f.add(table.stringColumn(column).get(r));
        }
        try {
          Row row = row(read.lineOf(r), f);
          List<Row> rows = byId.computeIfAbsent(row.id(), k -> new ArrayList<>());
          if (!rows.isEmpty()) {
            consistent(rows.get(0), row);
          }
          rows.add(row);
        } catch (Located e) {
          problems.add(e.problem);
        }
      }
      List<Innovation> out = new ArrayList<>();
      for (List<Row> rows : byId.values()) {
        try {
          out.add(innovation(rows));
        } catch (Located e) {
          problems.add(e.problem);
        }
      }
      if (!problems.isEmpty()) {
        problems.sort(Comparator.comparingLong(Problem::line));
        throw new DatasetValidationException(file, problems, 0);
      }
      return new InnovationRegister(out, geo, Sources.assumed("register being read"));
    }

    private Row row(long line, List<String> f) {
      String id = f.get(0);
      if (!id.matches("[A-Z]{2,5}-[0-9A-Za-z-]+")) {
        throw error(line, "innovation_id", id, "an id such as DOC-01 or SYN-0001");
      }
      String name = f.get(1);
      if (name.isBlank()) {
        throw error(line, "innovation", name, "a short description of the innovation");
      }
      InnovationType type;
      try {
        type = InnovationType.ofCode(f.get(2));
      } catch (IllegalArgumentException e) {
        throw error(line, "type", f.get(2), InnovationType.codes());
      }
      String provider = f.get(3);
      String owner = f.get(4);
      if (!ownerCodes.contains(owner)) {
        throw error(line, "owner", owner, "an owner code, one of " + ownerCodes);
      }
      if (!cpaCodes.contains(provider) && !ownerCodes.contains(provider)) {
        throw error(
            line,
            "provider",
            provider,
            "a CPA code C01..C21, or the owner's code for an owner-wide innovation");
      }
      if (ownerCodes.contains(provider) && !provider.equals(owner)) {
        throw error(
            line,
            "provider",
            provider,
            "the owner's own code (" + owner + ") for an owner-wide innovation, or a CPA code");
      }
      LifecycleStage stage;
      try {
        stage = LifecycleStage.ofCode(f.get(5));
      } catch (IllegalArgumentException e) {
        throw error(line, "stage", f.get(5), LifecycleStage.codes());
      }
      EventDate date;
      try {
        date = EventDate.parse(f.get(6), f.get(7));
      } catch (CellError e) {
        throw error(line, e.column, f.get(e.column.equals("date") ? 6 : 7), e.expected);
      }
      if (date.precision() != EventDate.Precision.UNKNOWN
          && (date.start().getYear() < FIRST_YEAR || date.start().getYear() > LAST_YEAR)) {
        throw error(
            line,
            "date",
            f.get(6),
            "a date from "
                + FIRST_YEAR
                + " (Transforming Rehabilitation) to "
                + LAST_YEAR
                + " (the CRC contracts ended on 25 June 2021)");
      }
      String source = f.get(8);
      if (source.isBlank()) {
        throw error(line, "source", source, "the evidence for the event (a citation)");
      }
      EvidenceTag tag;
      try {
        tag = EvidenceTag.ofCode(f.get(9));
      } catch (IllegalArgumentException e) {
        throw error(line, "tag", f.get(9), EvidenceTag.codes());
      }
      return new Row(
          line,
          id,
          name,
          type,
          provider,
          owner,
          new InnovationEvent(stage, date, source, tag, file + ":" + line));
    }

    private void checkOwnerHeld(long line, String cpa, String owner, EventDate date) {
      LocalDate from = date.earliest().orElse(CONTRACTS_START);
      LocalDate to = date.latest().orElse(CONTRACTS_END);
      if (to.isBefore(from)) {
        to = from;
      }
      List<String> holders = new ArrayList<>();
      for (Ownership o : geo.ownerships()) {
        if (o.cpaCode().equals(cpa) && !o.from().isAfter(to) && !o.to().isBefore(from)) {
          if (o.ownerCode().equals(owner)) {
            return;
          }
          holders.add(o.ownerCode());
        }
      }
      throw error(
          line,
          "owner",
          owner,
          "an owner of "
              + cpa
              + " at the event's date ("
              + date
              + "): "
              + (holders.isEmpty() ? "none published (CRCs were publicly owned)" : holders));
    }

    private void consistent(Row first, Row row) {
      String where = " (as on line " + first.line() + ")";
      if (!row.name().equals(first.name())) {
        throw error(row.line(), "innovation", row.name(), "'" + first.name() + "'" + where);
      }
      if (row.type() != first.type()) {
        throw error(row.line(), "type", row.type().code(), first.type().code() + where);
      }
      if (!row.provider().equals(first.provider())) {
        throw error(row.line(), "provider", row.provider(), first.provider() + where);
      }
      if (!row.owner().equals(first.owner())) {
        throw error(row.line(), "owner", row.owner(), first.owner() + where);
      }
      boolean firstSynthetic = first.event().tag() == EvidenceTag.SYNTHETIC;
      if ((row.event().tag() == EvidenceTag.SYNTHETIC) != firstSynthetic) {
        throw error(
            row.line(),
            "tag",
            row.event().tag().code(),
            (firstSynthetic ? "synthetic" : "a documented tag (not synthetic)")
                + ": an innovation is wholly documented or wholly synthetic"
                + where);
      }
    }

    private Innovation innovation(List<Row> rows) {
      Map<LifecycleStage, Row> seen = new HashMap<>();
      for (Row r : rows) {
        Row before = seen.putIfAbsent(r.event().stage(), r);
        if (before != null) {
          throw error(
              r.line(),
              "stage",
              r.event().stage().code(),
              "each stage once per innovation; "
                  + r.event().stage().code()
                  + " is already on line "
                  + before.line());
        }
      }
      List<Row> ordered = new ArrayList<>(rows);
      ordered.sort(Comparator.comparing((Row r) -> r.event().stage()));
      for (int b = 0; b < ordered.size(); b++) {
        Row later = ordered.get(b);
        Optional<LocalDate> laterLatest = later.event().date().latest();
        for (int a = 0; a < b; a++) {
          Row earlier = ordered.get(a);
          Optional<LocalDate> earlierEarliest = earlier.event().date().earliest();
          if (laterLatest.isPresent()
              && earlierEarliest.isPresent()
              && earlierEarliest.get().isAfter(laterLatest.get())) {
            boolean withdrawn = later.event().stage() == LifecycleStage.WITHDRAWN;
            Row at = withdrawn ? earlier : later;
            throw error(
                at.line(),
                "date",
                at.event().date().toString(),
                withdrawn
                    ? "no event after the withdrawal ("
                        + later.event().date()
                        + ", line "
                        + later.line()
                        + "): lifecycle events out of order"
                    : "a date on or after the "
                        + earlier.event().stage().code()
                        + " event ("
                        + earlier.event().date()
                        + ", line "
                        + earlier.line()
                        + "): lifecycle events out of order");
          }
        }
      }
      Row first = rows.get(0);
      if (!ownerCodes.contains(first.provider())) {
        Row dated =
            ordered.stream()
                .filter(r -> r.event().date().precision() != EventDate.Precision.UNKNOWN)
                .findFirst()
                .orElse(ordered.get(0));
        checkOwnerHeld(dated.line(), dated.provider(), dated.owner(), dated.event().date());
      }
      return new Innovation(
          first.id(),
          first.name(),
          first.type(),
          first.provider(),
          first.owner(),
          rows.stream().map(Row::event).toList());
    }
  }
}
