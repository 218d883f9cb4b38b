package org.probationlens.area;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Sources;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.Schema;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Reads the standard geography from the reference tables in {@code data/reference} ({@code
 * pcc_areas.csv}, {@code cpas.csv}, {@code owners.csv}, {@code nps_divisions.csv}, {@code
 * cpa_ownership.csv}) with the project's one CSV reader, each file read and hashed once.
 */
final class GeographyLoader {
  private static final String RESOURCE_DIR = "/data/reference/";

  private GeographyLoader() {}

  /** The standard geography and the sources it was read from. */
  record Loaded(Geography geography, Sources sources) {}

  /**
   * Reads the five tables and builds the geography; each table's provenance carries the SHA-256 of
   * the bytes the reader read.
   */
  static Loaded load() {
    Map<String, String> sha256 = new TreeMap<>();
    Map<String, Cpa> cpas = new TreeMap<>();
    for (Row r : read("cpas.csv", sha256)) {
      cpas.put(
          r.getString("code"),
          new Cpa(r.getString("code"), r.getString("short_name"), r.getString("crc_name")));
    }
    Map<String, NpsDivision> divisions = new TreeMap<>();
    for (Row r : read("nps_divisions.csv", sha256)) {
      divisions.put(r.getString("code"), new NpsDivision(r.getString("code"), r.getString("name")));
    }
    Map<String, Owner> owners = new TreeMap<>();
    for (Row r : read("owners.csv", sha256)) {
      owners.put(
          r.getString("code"),
          new Owner(r.getString("code"), r.getString("name"), r.getString("members")));
    }
    Map<String, PccArea> areas = new TreeMap<>();
    for (Row r : read("pcc_areas.csv", sha256)) {
      String division = r.getString("nps_division_code");
      areas.put(
          r.getString("code"),
          new PccArea(
              r.getString("code"),
              r.getString("name"),
              r.getString("cpa_code"),
              division.isEmpty() ? null : division,
              Arrays.asList(r.getString("nps_division_candidates").split(";")),
              r.getString("nps_division_confidence"),
              r.getString("probation_trust_pre_2014")));
    }
    List<Ownership> ownerships = new ArrayList<>();
    for (Row r : read("cpa_ownership.csv", sha256)) {
      ownerships.add(
          new Ownership(
              r.getString("cpa_code"),
              r.getString("owner_code"),
              LocalDate.parse(r.getString("from")),
              Ownership.Precision.valueOf(r.getString("from_precision").toUpperCase(Locale.ROOT)),
              LocalDate.parse(r.getString("to")),
              Ownership.Precision.valueOf(r.getString("to_precision").toUpperCase(Locale.ROOT))));
    }
    Geography geography =
        new Geography(
            java.util.Collections.unmodifiableMap(areas),
            java.util.Collections.unmodifiableMap(cpas),
            java.util.Collections.unmodifiableMap(owners),
            java.util.Collections.unmodifiableMap(divisions),
            List.copyOf(ownerships));
    return new Loaded(geography, sources(sha256));
  }

  /**
   * The header of each reference table, as the files fix it (a method, not a field: {@link
   * Geography#standard()} is loaded while {@link Geography} initialises).
   */
  private static List<String> headerOf(String file) {
    return switch (file) {
      case "cpas.csv" -> List.of("code", "short_name", "crc_name", "source", "tag");
      case "nps_divisions.csv" -> List.of("code", "name", "source", "tag");
      case "owners.csv" -> List.of("code", "name", "members", "source", "tag");
      case "pcc_areas.csv" ->
          List.of(
              "code",
              "name",
              "cpa_code",
              "nps_division_code",
              "nps_division_candidates",
              "nps_division_confidence",
              "nps_division_evidence",
              "probation_trust_pre_2014",
              "source",
              "tag");
      case "cpa_ownership.csv" ->
          List.of(
              "cpa_code",
              "owner_code",
              "from",
              "from_precision",
              "to",
              "to_precision",
              "source",
              "tag");
      default -> throw new IllegalArgumentException("no reference table " + file);
    };
  }

  /**
   * Reads a reference table with the project's one CSV reader (UTF-8, RFC 4180, the header exactly,
   * located problems); the meaning of each value is checked by {@link #load()}.
   */
  private static Table read(String file, Map<String, String> sha256) {
    String path = RESOURCE_DIR + file;
    try (InputStream in = GeographyLoader.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "reference table " + path + " is not on the class path (is the jar complete?)");
      }
      DatasetLoader.Hashed read =
          DatasetLoader.of(Schema.text(file, headerOf(file))).readBytes(file, in.readAllBytes());
      sha256.put(file, read.sha256());
      return read.table();
    } catch (IOException e) {
      throw new UncheckedIOException("reading reference table " + path, e);
    }
  }

  /**
   * Where the tables came from: each file as compiled by this project from NAO and HMIP
   * publications, with the SHA-256 of the bytes read.
   */
  private static Sources sources(Map<String, String> sha256) {
    List<Provenance> p = new ArrayList<>();
    for (String file :
        List.of(
            "pcc_areas.csv", "cpas.csv", "owners.csv", "nps_divisions.csv", "cpa_ownership.csv")) {
      p.add(
          Provenance.derived(
              "Reference geography, " + file,
              "compiled by Probation Lens from NAO and HMIP publications and nDelius codes"
                  + " (data/reference/SOURCES.md)",
              "compiled from published sources; each row cites its own",
              sha256.get(file)));
    }
    return new Sources(p, List.of());
  }
}
