package org.probationlens.data.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.area.NpsDivision;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.CaseWeight;
import org.probationlens.data.NDeliusExtract;
import org.probationlens.data.WorkType;
import org.probationlens.read.Manifest;
import org.probationlens.read.Sha256;
import tech.tablesaw.api.Table;

/**
 * Writes the generator's synthetic cases as an nDelius extract: one CSV per table that {@link
 * NDeliusExtract} reads, the team-to-PCC-area mapping it needs ({@value
 * NDeliusExtract#MAPPING_FILE}) and a {@code MANIFEST} saying the files are synthetic, with their
 * SHA-256. Read back with {@link NDeliusExtract#load(Path)}, the files give the same case table,
 * cell by cell, as the {@code cases.csv} they were written from.
 *
 * <p>Each case becomes an event (its {@code EVENT_ID} the digits of its {@code case_id}) with one
 * disposal, dated as {@link NDeliusExtract} reads it: a court order and pre-release work at the
 * start; a licence at the start less half the sentence (release at the halfway point, as the
 * generator plans it), with a {@code RELEASE} on the start; post-sentence supervision at the start
 * less the whole sentence, with its {@code PSS_START_DATE} on the start. Each team serves one PCC
 * area for one provider (team code: provider code then PCC area code, e.g. {@code C05DRH}). To
 * exercise the reader's rules on every run, some cases carry what a real extract has: every seventh
 * case changed manager on its start date (the outgoing row ending that day), every fiftieth has a
 * soft-deleted order manager in force on its start date, every tenth court order without a
 * programme has a {@code 7}/{@code RS66} requirement (not a programme), and every ninety-seventh
 * has a soft-deleted duplicate event with its disposal. Reference codes the reader does not use
 * (disposal type codes) are this writer's own, and say so.
 */
public final class NDeliusTables {

  /** The source the mapping file gives for each of its rows. */
  public static final String MAPPING_SOURCE =
      "Probation Lens synthetic generator: each synthetic team serves one PCC area";

  private NDeliusTables() {}

  /**
   * Writes the cases of a generator run as an nDelius extract into {@code dir} (created if needed;
   * the files there are replaced).
   *
   * @param generated the run whose {@code cases.csv} to write, not null
   * @param dir the extract's directory, not null
   * @return the directory
   * @throws IOException when a file cannot be written
   */
  public static Path write(GenerationResult generated, Path dir) throws IOException {
    Objects.requireNonNull(generated, "generated");
    Objects.requireNonNull(dir, "dir");
    Table cases =
        CaseRecords.load(generated.casesFile(), generated.settings().seed(), CaseGenerator.VERSION)
            .table();
    Files.createDirectories(dir);
    new Writer(cases, dir).write();
    Map<String, String> hashes = new TreeMap<>();
    for (String name : NDeliusExtract.TABLES) {
      hashes.put(name + ".csv", Sha256.of(dir.resolve(name + ".csv")));
    }
    hashes.put(NDeliusExtract.MAPPING_FILE, Sha256.of(dir.resolve(NDeliusExtract.MAPPING_FILE)));
    StringBuilder manifest = new StringBuilder();
    manifest
        .append("# Probation Lens synthetic case-level data, written as an nDelius extract.\n")
        .append("# SYNTHETIC: every row was invented by a seeded generator. No row describes a")
        .append(" real person, order or licence.\n")
        .append("# Descriptions, sentence types, status and requirement codes are nDelius's;")
        .append(" disposal type codes and all ids are the generator's own.\n")
        .append("synthetic=true\n")
        .append("generator=")
        .append(CaseGenerator.class.getName())
        .append('\n')
        .append("generator_version=")
        .append(CaseGenerator.VERSION)
        .append('\n')
        .append("seed=")
        .append(generated.settings().seed())
        .append('\n')
        .append("rows=")
        .append(generated.settings().rows())
        .append('\n')
        .append("command=")
        .append(CaseGenerator.command(generated.settings()))
        .append(" --ndelius\n")
        .append("written_from_cases_csv_sha256=")
        .append(generated.casesSha256())
        .append('\n');
    hashes.forEach(
        (name, sha) -> manifest.append(name).append(".sha256=").append(sha).append('\n'));
    Files.writeString(dir.resolve(Manifest.FILE_NAME), manifest, StandardCharsets.UTF_8);
    return dir;
  }

  /** One extract: the rows of every table, written once each table is complete. */
  private static final class Writer {
    private final Table cases;
    private final Path dir;
    private final Map<String, StringBuilder> out = new LinkedHashMap<>();
    private final Map<String, Integer> areaId = new LinkedHashMap<>();
    private final Map<String, Integer> teamId = new LinkedHashMap<>();
    private final Map<String, Integer> reference = new LinkedHashMap<>();
    private final Map<String, Integer> descriptionId = new LinkedHashMap<>();
    private long requirementId;
    private long managerId;

    Writer(Table cases, Path dir) {
      this.cases = cases;
      this.dir = dir;
    }

    private StringBuilder table(String name, String header) {
      return out.computeIfAbsent(name, k -> new StringBuilder(header).append('\n'));
    }

    private static void row(StringBuilder table, Object... cells) {
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          table.append(',');
        }
        table.append(cells[i] == null ? "" : cells[i]);
      }
      table.append('\n');
    }

    void write() throws IOException {
      references();
      table("EVENT", "EVENT_ID,OFFENDER_ID,EVENT_NUMBER,REFERRAL_DATE,ACTIVE_FLAG,SOFT_DELETED");
      table(
          "DISPOSAL",
          "DISPOSAL_ID,EVENT_ID,DISPOSAL_TYPE_ID,DISPOSAL_DATE,LENGTH,LENGTH_IN_DAYS,"
              + "NOTIONAL_END_DATE,TERMINATION_DATE,DISPOSAL_TERMINATION_REASON_ID,ACTIVE_FLAG,"
              + "SOFT_DELETED");
      table(
          "RQMNT",
          "RQMNT_ID,DISPOSAL_ID,START_DATE,RQMNT_TYPE_MAIN_CATEGORY_ID,"
              + "RQMNT_TYPE_SUB_CATEGORY_ID,LENGTH,ACTIVE_FLAG,SOFT_DELETED");
      table(
          "CUSTODY",
          "CUSTODY_ID,DISPOSAL_ID,CUSTODIAL_STATUS_ID,STATUS_CHANGE_DATE,PSS_START_DATE,"
              + "SOFT_DELETED");
      table("RELEASE", "RELEASE_ID,CUSTODY_ID,ACTUAL_RELEASE_DATE,SOFT_DELETED");
      table(
          "ORDER_MANAGER",
          "ORDER_MANAGER_ID,EVENT_ID,ALLOCATION_DATE,END_DATE,PROBATION_AREA_ID,"
              + "ALLOCATION_TEAM_ID,ACTIVE_FLAG,SOFT_DELETED");
      for (int r = 0; r < cases.rowCount(); r++) {
        writeCase(r);
      }
      StringBuilder teams = table("TEAM", "TEAM_ID,CODE,DESCRIPTION,PROBATION_AREA_ID");
      StringBuilder mapping = table("PCC_AREA_BY_TEAM", "TEAM_CODE,PCC_AREA,SOURCE");
      teamId.forEach(
          (code, id) -> {
            row(teams, id, code, "Synthetic team " + code, areaId.get(code.substring(0, 3)));
            row(mapping, code, code.substring(3), MAPPING_SOURCE);
          });
      for (Map.Entry<String, StringBuilder> e : out.entrySet()) {
        Path file = dir.resolve(e.getKey() + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          w.append(e.getValue());
        }
      }
    }

    private void references() {
      StringBuilder areas = table("PROBATION_AREA", "PROBATION_AREA_ID,CODE,DESCRIPTION,PRIVATE");
      for (Cpa cpa : Geography.standard().cpas()) {
        areaId.put(cpa.code(), areaId.size() + 1);
        row(areas, areaId.size(), cpa.code(), quoted(cpa.crcName()), 1);
      }
      for (NpsDivision division : Geography.standard().npsDivisions()) {
        areaId.put(division.code(), areaId.size() + 1);
        row(areas, areaId.size(), division.code(), quoted(division.name()), 0);
      }
      StringBuilder types =
          table("R_DISPOSAL_TYPE", "DISPOSAL_TYPE_ID,DISPOSAL_TYPE_CODE,DESCRIPTION,SENTENCE_TYPE");
      row(types, 1, "SYN01", "ORA Community Order", "SP");
      row(types, 2, "SYN02", "ORA Suspended Sentence Order", "SP");
      row(types, 3, "SYN03", "ORA Adult Custody (inc PSS)", "SC");
      row(types, 4, "SYN04", "ORA Adult Custody (not PSS)", "SC");
      StringBuilder categories =
          table("R_RQMNT_TYPE_MAIN_CATEGORY", "RQMNT_TYPE_MAIN_CATEGORY_ID,CODE,DESCRIPTION");
      row(categories, 1, NDeliusExtract.RAR_CATEGORY, "Rehabilitation Activity Requirement");
      row(categories, 2, NDeliusExtract.UPW_CATEGORY, "Unpaid Work");
      row(categories, 3, NDeliusExtract.PROGRAMME_CATEGORY, "Accredited Programme");
      row(categories, 4, NDeliusExtract.PROGRAMME_UNLESS_CATEGORY, "Programme");
      StringBuilder list =
          table(
              "R_STANDARD_REFERENCE_LIST",
              "STANDARD_REFERENCE_LIST_ID,CODE_VALUE,CODE_DESCRIPTION");
      for (String status : NDeliusExtract.CUSTODIAL_STATUSES.keySet()) {
        reference.put(status, reference.size() + 1);
        row(list, reference.size(), status, "Custodial status " + status);
      }
      int code = 1;
      for (String description : NDeliusExtract.TERMINATION_DESCRIPTIONS.keySet()) {
        reference.put("T:" + description, reference.size() + 1);
        descriptionId.put(description, reference.size());
        row(list, reference.size(), "DT" + code++, quoted(description));
      }
      reference.put(NDeliusExtract.NOT_PROGRAMME_SUB_CATEGORY, reference.size() + 1);
      row(list, reference.size(), NDeliusExtract.NOT_PROGRAMME_SUB_CATEGORY, "Sub-category");
    }

    private static String quoted(String text) {
      return text.contains(",") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** The termination descriptions of a reason, in the reader's order. */
    private List<String> descriptionsOf(String reason) {
      List<String> found = new ArrayList<>();
      NDeliusExtract.TERMINATION_DESCRIPTIONS.forEach(
          (description, r) -> {
            if (r.equals(reason)) {
              found.add(description);
            }
          });
      return found;
    }

    private int team(String provider, String pcc) {
      return teamId.computeIfAbsent(provider + pcc, k -> teamId.size() + 1);
    }

    private void writeCase(int r) {
      String caseId = cases.stringColumn("case_id").get(r);
      long id = Long.parseLong(caseId.substring(1));
      WorkType type = WorkType.ofCode(cases.stringColumn("work_type").get(r));
      String provider = cases.stringColumn("provider_code").get(r);
      String pcc = cases.stringColumn("pcc_area").get(r);
      LocalDate start = cases.dateColumn("start_date").get(r);
      LocalDate end = cases.dateColumn("end_date").get(r);
      int months = cases.intColumn("sentence_months").getInt(r);
      int rar = cases.intColumn("rar_days").getInt(r);
      int upw = cases.intColumn("upw_hours").getInt(r);
      boolean programme = cases.booleanColumn("accredited_programme").get(r);
      String reason = cases.stringColumn("termination_reason").get(r);
      boolean ongoing = reason.equals("ONGOING");

      LocalDate disposalDate;
      int disposalType;
      switch (type) {
        case CO:
          disposalDate = start;
          disposalType = 1;
          break;
        case SSO:
          disposalDate = start;
          disposalType = 2;
          break;
        case LIC:
          disposalDate = start.minusDays(CaseWeight.daysOf(months / 2.0));
          disposalType = months < 24 ? 3 : 4;
          break;
        case PSS:
          disposalDate = start.minusDays(CaseWeight.daysOf(months));
          disposalType = 3;
          break;
        default:
          disposalDate = start;
          disposalType = months < 24 ? 3 : 4;
      }
      LocalDate notional = start.plusDays(CaseModel.plannedDays(type, months));
      Integer reasonId = null;
      if (!ongoing) {
        List<String> described = descriptionsOf(reason);
        reasonId = descriptionId.get(described.get((int) (id % described.size())));
      }
      row(table("EVENT", null), id, id, 1, disposalDate, ongoing ? 1 : 0, 0);
      row(
          table("DISPOSAL", null),
          id,
          id,
          disposalType,
          disposalDate,
          months,
          CaseWeight.daysOf(months),
          notional,
          ongoing ? null : end,
          reasonId,
          ongoing ? 1 : 0,
          0);
      if (rar > 0) {
        requirement(id, start, 1, null, rar, 0);
      }
      if (upw > 0) {
        requirement(id, start, 2, null, upw, 0);
      }
      if (programme) {
        if (id % 2 == 0) {
          requirement(id, start, 3, null, null, 0);
        } else {
          requirement(id, start, 4, null, null, 0);
        }
      } else if (type.isCourtOrder() && id % 10 == 0) {
        requirement(
            id, start, 4, reference.get(NDeliusExtract.NOT_PROGRAMME_SUB_CATEGORY), null, 0);
      }
      if (type.isCustodial() || type == WorkType.PSS) {
        String status;
        if (type == WorkType.PRE) {
          status = id % 2 == 0 ? "A" : "D";
        } else if (type == WorkType.PSS) {
          status = "P";
        } else {
          status = ongoing ? "B" : "T";
        }
        row(
            table("CUSTODY", null),
            id,
            id,
            reference.get(status),
            start,
            type == WorkType.PSS ? start : null,
            0);
        if (type == WorkType.LIC) {
          row(table("RELEASE", null), id, id, start, 0);
        } else if (type == WorkType.PSS) {
          row(table("RELEASE", null), id, id, start.minusDays(CaseWeight.daysOf(months / 2.0)), 0);
        }
      }
      StringBuilder managers = table("ORDER_MANAGER", null);
      String other = provider.startsWith("C") ? "N01" : cpaOf(pcc);
      LocalDate from = disposalDate.isBefore(start) ? disposalDate : start;
      if (id % 7 == 0) {
        // a handover on the start date: the outgoing row ends that day, the incoming one begins
        row(
            managers,
            ++managerId,
            id,
            from.minusDays(30),
            start,
            areaId.get(other),
            team(other, pcc),
            0,
            0);
        from = start;
      }
      if (id % 50 == 0) {
        // a soft-deleted row in force on the start date: the reader must leave it out
        row(managers, ++managerId, id, from, null, areaId.get(other), team(other, pcc), 1, 1);
      }
      row(
          managers,
          ++managerId,
          id,
          from,
          !ongoing && end.isAfter(start) ? end : null,
          areaId.get(provider),
          team(provider, pcc),
          ongoing ? 1 : 0,
          0);
      if (id % 97 == 0) {
        // a soft-deleted duplicate event, whose disposal the reader must leave out with it
        long ghost = 900_000_000L + id;
        row(table("EVENT", null), ghost, id, 2, disposalDate, 0, 1);
        row(
            table("DISPOSAL", null),
            ghost,
            ghost,
            disposalType,
            disposalDate,
            months,
            CaseWeight.daysOf(months),
            notional,
            null,
            null,
            1,
            0);
      }
    }

    private void requirement(
        long disposal, LocalDate start, int category, Integer sub, Integer length, int deleted) {
      row(
          table("RQMNT", null),
          ++requirementId,
          disposal,
          start,
          category,
          sub,
          length,
          1,
          deleted);
    }

    private static String cpaOf(String pcc) {
      return Geography.standard().pccArea(pcc).cpaCode();
    }
  }

  /**
   * Writes an extract and fails with the reader's message if it does not read back; for callers
   * that want the check at once (the {@code lens data} command).
   *
   * @param generated the run, not null
   * @param dir the extract's directory, not null
   * @return the number of cases read back
   */
  public static int writeChecked(GenerationResult generated, Path dir) {
    try {
      write(generated, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the nDelius extract into " + dir, e);
    }
    return NDeliusExtract.load(dir).table().rowCount();
  }
}
