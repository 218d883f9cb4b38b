package org.probationlens.innovation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probationlens.area.Geography;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Schema;
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

  private static final String DOCUMENTED_RESOURCE = "/data/reference/innovations.csv";
  private static final String COUNTS_RESOURCE = "/data/reference/innovation_counts.csv";

  /** The day the 21 CRCs were created. */
  static final LocalDate CONTRACTS_START = LocalDate.of(2014, 6, 1);

  /** The day the CRC contracts ended. */
  static final LocalDate CONTRACTS_END = LocalDate.of(2021, 6, 25);

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
    return parse(fileName, RegisterReader.text(fileName, reader))
        .withSources(
            Sources.assumed(
                "innovation register "
                    + fileName
                    + " read without a stated provenance: say where it came from before quoting"
                    + " it"));
  }

  private static InnovationRegister parse(String fileName, byte[] bytes) {
    Geography geography = Geography.standard();
    return new InnovationRegister(
        RegisterReader.parse(fileName, bytes, geography),
        geography,
        Sources.assumed("register being read"));
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
    return StageTimer.measure(innovations, from, to, asOf, grouping, sources);
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
    return new InnovationDiffusion(innovations, geography, sources).diffusion(type, stage);
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
    return new InnovationDiffusion(innovations, geography, sources).curves(types, stage);
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
    return InnovationIndex.of(
        innovations, geography, judgementById(), sources.and(judgementSources()));
  }

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
      Set.of(InnovationIndex.CRITICISED, "concern", "not_judged", "praised");

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
}
