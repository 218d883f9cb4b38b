package org.probationlens.innovation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The innovation index of each CRC: a count of the innovations that applied to it, each weighted by
 * the furthest stage it reached, leaving out practices inspectors criticised. What {@link
 * InnovationRegister#innovationIndex} answers.
 */
final class InnovationIndex {

  /** A judgement value: inspectors criticised the practice. */
  static final String CRITICISED = "criticised";

  private InnovationIndex() {}

  /**
   * The index of each of the 21 CRCs, as {@link InnovationRegister#innovationIndex} defines it.
   *
   * @param innovations the register's innovations
   * @param geography the 21 CRCs and their owners over time
   * @param judged each judged innovation's judgement, by id
   * @param sources the sources of the register and of the judgements
   * @return a new result with 21 rows
   */
  static ResultTable of(
      List<Innovation> innovations,
      Geography geography,
      Map<String, String> judged,
      Sources sources) {
    Map<String, List<Innovation>> byCpa = new TreeMap<>();
    for (Cpa c : geography.cpas()) {
      byCpa.put(c.code(), new ArrayList<>());
    }
    for (Innovation i : innovations) {
      for (String cpa : InnovationDiffusion.cpasOf(i, geography)) {
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
            sources)
        .withNote(
            "innovations counts what was adopted; criticised_by_inspectors counts those HM"
                + " Inspectorate of Probation criticised (telephone-only supervision, open"
                + " interview booths, tools that do not link to nDelius), which the index leaves"
                + " out. The index counts breadth of activity, not its quality or effect.");
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
}
