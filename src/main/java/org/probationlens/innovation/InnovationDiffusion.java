package org.probationlens.innovation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probationlens.area.Geography;
import org.probationlens.area.Ownership;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How innovations spread across the 21 CRCs: when each CRC first reached a stage with an innovation
 * of a type, an owner-wide innovation counting for each CRC its owner held at the time. What {@link
 * InnovationRegister#diffusion} and {@link InnovationRegister#diffusionCurves} answer.
 */
final class InnovationDiffusion {

  private final List<Innovation> innovations;
  private final Geography geography;
  private final Sources sources;

  /**
   * The diffusion of a register's innovations.
   *
   * @param innovations the innovations
   * @param geography the CRCs and their owners over time
   * @param sources the register's sources, carried by every result
   */
  InnovationDiffusion(List<Innovation> innovations, Geography geography, Sources sources) {
    this.innovations = innovations;
    this.geography = geography;
    this.sources = sources;
  }

  /**
   * When each CRC first reached a stage with an innovation of a type, as {@link
   * InnovationRegister#diffusion} defines it.
   *
   * @param type the innovation type, not null
   * @param stage the stage that counts as adoption, not null
   * @return a new table, one row per adopting CRC
   */
  ResultTable diffusion(InnovationType type, LifecycleStage stage) {
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
      for (String cpa : cpasOf(i, geography)) {
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
   * Cumulative adoption by date for each type, as {@link InnovationRegister#diffusionCurves}
   * defines it.
   *
   * @param types the innovation types, not null or empty
   * @param stage the stage that counts as adoption, not null
   * @return a new table in long form, one curve per type
   */
  ResultTable curves(List<InnovationType> types, LifecycleStage stage) {
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
      byDate.put(InnovationRegister.CONTRACTS_START, 0);
      int last = 0;
      for (int r = 0; r < t.rowCount(); r++) {
        if (!t.dateColumn("adopted_by").isMissing(r)) {
          last = t.intColumn("cumulative_crcs").getInt(r);
          byDate.put(t.dateColumn("adopted_by").get(r), last);
        }
      }
      byDate.put(InnovationRegister.CONTRACTS_END, last);
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

  /** The CPAs an innovation applied to: its own, or those its owner held during its events. */
  static List<String> cpasOf(Innovation i, Geography geography) {
    if (!i.ownerWide()) {
      return List.of(i.provider());
    }
    LocalDate from =
        i.events().stream()
            .map(e -> e.date().earliest())
            .flatMap(Optional::stream)
            .min(Comparator.naturalOrder())
            .orElse(InnovationRegister.CONTRACTS_START);
    LocalDate to =
        i.events().stream()
            .map(e -> e.date().latest())
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder())
            .orElse(InnovationRegister.CONTRACTS_END);
    Set<String> out = new LinkedHashSet<>();
    for (Ownership o : geography.ownerships()) {
      if (o.ownerCode().equals(i.ownerCode()) && !o.from().isAfter(to) && !o.to().isBefore(from)) {
        out.add(o.cpaCode());
      }
    }
    return new ArrayList<>(new TreeSet<>(out));
  }
}
