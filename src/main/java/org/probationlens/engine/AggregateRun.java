package org.probationlens.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probationlens.engine.Aggregate.Kind;
import org.probationlens.engine.Aggregate.Measure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One execution of an {@link Aggregate}: the plan's arrays (the filters compiled, the keys packed
 * into one number per row) and the phases over them (filter and group the rows in parallel pieces,
 * add the partial sums in a fixed order, gather values for quantiles and distinct counts, build the
 * result table).
 */
final class AggregateRun {
  private static final int MAX_PARTITIONS = 16;
  private static final int BLOCK = 4096;
  private static final long DENSE_KEY_LIMIT = 1 << 20;
  private static final long PARTIAL_BUDGET_BYTES = 128L << 20;

  private final ColumnTable table;
  private final List<Filter.Compiled> filters;
  private final List<Measure> measures;
  private final int threads;
  private final int rows;
  private final Col.Category[] keyCols;
  private final long[] stride;

  /** Whether a filter can keep no row, so that no pass over the rows is needed. */
  private final boolean none;

  /** Whether a quantile or distinct count gathers values by the row ids after the pass. */
  private final boolean gathers;

  AggregateRun(
      ColumnTable table,
      List<Filter> filters,
      List<String> keys,
      List<Measure> measures,
      int threads) {
    this.table = table;
    this.filters = Filter.compileAll(filters, table);
    this.none = this.filters.contains(Filter.NONE);
    this.measures = measures;
    this.gathers =
        measures.stream().anyMatch(m -> m.kind() == Kind.QUANTILE || m.kind() == Kind.DISTINCT);
    this.threads = threads;
    this.rows = table.rowCount();
    this.keyCols = new Col.Category[keys.size()];
    this.stride = new long[keys.size()];
    for (int k = 0; k < keyCols.length; k++) {
      keyCols[k] = table.category(keys.get(k));
    }
  }

  Table execute() {
    // Key space: mixed radix over the dictionaries, last key varying fastest.
    long space = 1;
    boolean overflow = false;
    for (int k = keyCols.length - 1; k >= 0; k--) {
      stride[k] = space;
      long size = Math.max(1, keyCols[k].dictionary.length);
      if (space > Long.MAX_VALUE / size) {
        overflow = true;
        break;
      }
      space *= size;
    }
    if (overflow) {
      throw new IllegalArgumentException(
          "too many key combinations to pack in a long; group by fewer or coarser columns");
    }
    if (none) {
      return aggregate(new int[0], 0, null, false);
    }
    int chunks = Chunks.count(rows);
    boolean dense = space <= DENSE_KEY_LIMIT && space <= Math.max(1 << 12, 4L * rows);
    if (dense) {
      // Group ids are computed block by block inside the aggregation pass; they are kept for
      // every row only when quantiles or distinct counts gather values by them afterwards.
      return aggregate(null, (int) space, null, true);
    }
    int[] gid = new int[rows];
    Parallel.run(
        chunks,
        threads,
        c -> {
          int from = Chunks.start(c, rows);
          int to = Chunks.end(c, rows);
          Arrays.fill(gid, from, to, 0);
          for (Filter.Compiled f : filters) {
            f.reject(from, to, gid);
          }
        });
    LongIds ids = new LongIds();
    for (int i = 0; i < rows; i++) {
      if (gid[i] >= 0) {
        long packed = 0;
        for (int k = 0; k < keyCols.length; k++) {
          packed += keyCols[k].code(i) * stride[k];
        }
        gid[i] = ids.idOf(packed);
      }
    }
    int groups = ids.size();
    long[] packedOfGroup = ids.keys();
    return aggregate(gid, groups, packedOfGroup, false);
  }

  /**
   * Writes the dense group id of row {@code b + k} (no selection: {@code sel} null) or of row
   * {@code sel[k]} into {@code ids[k]}, for k in [0, n).
   */
  private void blockIds(int[] sel, int b, int n, int[] ids) {
    if (keyCols.length == 0) {
      Arrays.fill(ids, 0, n, 0);
      return;
    }
    for (int k = 0; k < keyCols.length; k++) {
      int s = (int) stride[k];
      Col.Category key = keyCols[k];
      boolean add = k > 0;
      if (key.codes != null) {
        if (sel == null) {
          Kernels.keys(key.codes, s, b, n, ids, add);
        } else {
          Kernels.keys(key.codes, s, sel, n, ids, add);
        }
      } else if (key.smallCodes != null) {
        if (sel == null) {
          Kernels.keys(key.smallCodes, s, b, n, ids, add);
        } else {
          Kernels.keys(key.smallCodes, s, sel, n, ids, add);
        }
      } else if (sel == null) {
        Kernels.keys(key.sourceDays, key.codeOfDay, key.base, s, b, n, ids, add);
      } else {
        Kernels.keys(key.sourceDays, key.codeOfDay, key.base, s, sel, n, ids, add);
      }
    }
  }

  /**
   * The rows of [from, to) that all filters keep, listed in {@code sel}; only the filters whose
   * verdict on the block is {@link Filter#KEEPS_SOME} are read. Returns how many.
   */
  private int selectRows(int from, int to, int[] verdicts, int[] sel) {
    int n = -1;
    for (int f = 0; f < verdicts.length; f++) {
      if (verdicts[f] != Filter.KEEPS_SOME) {
        continue;
      }
      // The first filter lists its rows, the others drop rows from that list: once the list
      // is short, the later filters read few rows.
      n = n < 0 ? filters.get(f).select(from, to, sel) : filters.get(f).refine(sel, n);
    }
    return n;
  }

  private Table aggregate(int[] gid, int groups, long[] packedOfGroup, boolean computeIds) {
    int slots = 1;
    for (Measure m : measures) {
      slots += (m.kind() == Kind.COUNT || m.kind() == Kind.DISTINCT) ? 0 : 2;
    }
    long perPartition = (long) groups * slots * 8L;
    // Blocks of BLOCK rows from row 0. Those a filter rejects whole (a period outside the
    // block's dates) are dropped before the blocks are shared between partitions, so that each
    // partition has about as many rows to read: a period of cases in date order is a run of
    // blocks, which would otherwise fall to one or two partitions, and so to one thread.
    int blockCount = (rows + BLOCK - 1) / BLOCK;
    int[] live = null;
    int liveCount = none ? 0 : blockCount;
    if (!none && !filters.isEmpty()) {
      live = new int[blockCount];
      liveCount = 0;
      for (int j = 0; j < blockCount; j++) {
        int b = j * BLOCK;
        int e = Math.min(rows, b + BLOCK);
        boolean keep = true;
        for (Filter.Compiled f : filters) {
          keep &= f.verdict(b, e) != Filter.KEEPS_NONE;
        }
        live[liveCount] = j;
        liveCount += keep ? 1 : 0;
      }
    }
    long liveRows = (long) liveCount * BLOCK;
    int partitions =
        (int)
            Math.max(
                1,
                Math.min(
                    Math.min(MAX_PARTITIONS, (liveRows + Chunks.SIZE - 1) / Chunks.SIZE),
                    PARTIAL_BUDGET_BYTES / Math.max(1, perPartition)));
    int[][] counts = new int[partitions][];
    double[][][] partial = new double[partitions][measures.size()][];
    // Partition p reads the live blocks [firstBlock[p], firstBlock[p + 1]).
    int[] firstBlock = new int[partitions + 1];
    int[] firstRow = new int[partitions];
    for (int q = 0; q <= partitions; q++) {
      firstBlock[q] = (int) ((long) liveCount * q / partitions);
    }
    for (int q = 0; q < partitions; q++) {
      int x = firstBlock[q];
      firstRow[q] = x >= liveCount ? rows : (live == null ? x : live[x]) * BLOCK;
    }
    int[] liveBlocks = live;
    // For quantiles and distinct counts: the group id and row of each row kept, partition p's
    // from its first row on, in row order, so that the gathering pass reads kept rows only.
    // Lent by Scratch, not cleared: each partition writes its part before it is read. (If the
    // run fails they are not given back, and are collected as garbage.)
    int[] keptIds = gathers ? Scratch.ints(rows) : null;
    int[] keptRows = gathers && !filters.isEmpty() ? Scratch.ints(rows) : null;
    int[] kept = new int[partitions];
    Parallel.run(
        partitions,
        threads,
        p -> {
          int from = firstRow[p];
          int[] cnt = new int[groups];
          double[][] acc = new double[measures.size()][];
          for (int j = 0; j < measures.size(); j++) {
            acc[j] = newAccumulator(measures.get(j), groups);
          }
          // Block by block, so each block's ids are still in cache when they are summed. The
          // rows of a block that pass the filters are listed first (a selection vector, built
          // without a branch), so that counting and summing do not test every row, and group
          // ids are computed for those rows only, into a block-sized array.
          int[] sel = new int[BLOCK];
          int[] ids = new int[BLOCK];
          int[] verdicts = new int[filters.size()];
          for (int x = firstBlock[p]; x < firstBlock[p + 1]; x++) {
            int b = (liveBlocks == null ? x : liveBlocks[x]) * BLOCK;
            int e = Math.min(rows, b + BLOCK);
            // What the filters know of the block without reading it (a period filter on a
            // date column stored in about date order keeps or rejects most blocks whole).
            int verdict = Filter.KEEPS_ALL;
            for (int f = 0; f < verdicts.length; f++) {
              verdicts[f] = filters.get(f).verdict(b, e);
              verdict = Math.min(verdict, verdicts[f]);
            }
            if (verdict == Filter.KEEPS_NONE) {
              continue;
            }
            int[] rowsOf = verdict == Filter.KEEPS_ALL ? null : sel;
            int n;
            if (computeIds) {
              n = rowsOf == null ? e - b : selectRows(b, e, verdicts, sel);
              blockIds(rowsOf, b, n, ids);
            } else if (rowsOf == null) {
              // ids found before the pass, -1 for rows the filters reject
              n = Kernels.kept(gid, b, e, sel);
              rowsOf = n == e - b ? null : sel;
              Kernels.gather(gid, rowsOf, b, n, ids);
            } else {
              n = Kernels.kept(gid, b, e, sel);
              Kernels.gather(gid, sel, b, n, ids);
            }
            Kernels.count(ids, n, cnt);
            if (keptIds != null) {
              int at = from + kept[p];
              System.arraycopy(ids, 0, keptIds, at, n);
              if (keptRows != null) {
                Kernels.rows(rowsOf, b, n, keptRows, at);
              }
              kept[p] += n;
            }
            for (int j = 0; j < measures.size(); j++) {
              if (acc[j] != null) {
                accumulate(measures.get(j), ids, rowsOf, b, n, acc[j]);
              }
            }
          }
          counts[p] = cnt;
          partial[p] = acc;
        });
    // Merge the partitions in order, so floating-point sums do not depend on the threads.
    int[] count = new int[groups];
    double[][] merged = new double[measures.size()][];
    for (int p = 0; p < partitions; p++) {
      for (int g = 0; g < groups; g++) {
        count[g] += counts[p][g];
      }
      for (int j = 0; j < measures.size(); j++) {
        double[] part = partial[p][j];
        if (part == null) {
          continue;
        }
        Kind kind = measures.get(j).kind();
        if (merged[j] == null) {
          merged[j] = part.clone();
        } else if (kind == Kind.MIN) {
          for (int g = 0; g < groups; g++) {
            merged[j][g] = Math.min(merged[j][g], part[g]);
          }
        } else if (kind == Kind.MAX) {
          for (int g = 0; g < groups; g++) {
            merged[j][g] = Math.max(merged[j][g], part[g]);
          }
        } else {
          for (int g = 0; g < groups; g++) {
            merged[j][g] += part[g];
          }
        }
      }
    }
    // The groups present, in output order.
    int present = 0;
    for (int g = 0; g < groups; g++) {
      if (count[g] > 0) {
        present++;
      }
    }
    int[] order = new int[present];
    long[] sortKey = new long[present];
    int[][] ranks = new int[keyCols.length][];
    for (int k = 0; k < keyCols.length; k++) {
      ranks[k] = keyCols[k].sortRanks();
    }
    int[][] codesOf = new int[keyCols.length][present];
    for (int g = 0, r = 0; g < groups; g++) {
      if (count[g] == 0) {
        continue;
      }
      long packed = packedOfGroup == null ? g : packedOfGroup[g];
      long rankKey = 0;
      for (int k = 0; k < keyCols.length; k++) {
        int size = Math.max(1, keyCols[k].dictionary.length);
        int code = (int) ((packed / stride[k]) % size);
        codesOf[k][r] = code;
        rankKey += ranks[k].length == 0 ? 0 : ranks[k][code] * stride[k];
      }
      order[r] = g;
      sortKey[r] = rankKey;
      r++;
    }
    Integer[] byRank = new Integer[present];
    for (int r = 0; r < present; r++) {
      byRank[r] = r;
    }
    Arrays.sort(byRank, (a, b) -> Long.compare(sortKey[a], sortKey[b]));

    double[][] values =
        valuesPerGroup(keptIds, keptRows, kept, firstRow, groups, count, counts, partitions);
    Scratch.release(keptIds);
    Scratch.release(keptRows);

    Table result = Table.create(table.name() + " aggregated");
    for (int k = 0; k < keyCols.length; k++) {
      String[] out = new String[present];
      for (int r = 0; r < present; r++) {
        out[r] = keyCols[k].dictionary[codesOf[k][byRank[r]]];
      }
      result.addColumns(StringColumn.create(keyCols[k].name, out));
    }
    for (int j = 0; j < measures.size(); j++) {
      Measure m = measures.get(j);
      double[] out = new double[present];
      for (int r = 0; r < present; r++) {
        int g = order[byRank[r]];
        switch (m.kind()) {
          case COUNT:
            out[r] = count[g];
            break;
          case MEAN:
            out[r] = merged[j][g] / count[g];
            break;
          case QUANTILE:
          case DISTINCT:
            out[r] = values[j][g];
            break;
          default:
            out[r] = merged[j][g];
        }
      }
      if (m.kind() == Kind.COUNT || m.kind() == Kind.DISTINCT) {
        int[] ints = new int[present];
        for (int r = 0; r < present; r++) {
          ints[r] = (int) out[r];
        }
        result.addColumns(IntColumn.create(m.name(), ints));
      } else {
        result.addColumns(DoubleColumn.create(m.name(), out));
      }
    }
    return result;
  }

  /** A partition's accumulator for a measure: null for measures that are not summed. */
  private static double[] newAccumulator(Measure m, int groups) {
    switch (m.kind()) {
      case COUNT:
      case QUANTILE:
      case DISTINCT:
        return null;
      case MIN:
        {
          double[] acc = new double[groups];
          Arrays.fill(acc, Double.POSITIVE_INFINITY);
          return acc;
        }
      case MAX:
        {
          double[] acc = new double[groups];
          Arrays.fill(acc, Double.NEGATIVE_INFINITY);
          return acc;
        }
      default:
        return new double[groups];
    }
  }

  /**
   * Adds the rows of a block to one measure's accumulator, in row order: row {@code first + k} (or
   * {@code sel[k]} when there is a selection) into group {@code ids[k]}, for k in [0, n).
   */
  private void accumulate(Measure m, int[] ids, int[] sel, int first, int n, double[] acc) {
    Col col = table.column(m.column());
    if (m.kind() == Kind.MIN || m.kind() == Kind.MAX) {
      boolean isMin = m.kind() == Kind.MIN;
      for (int k = 0; k < n; k++) {
        int i = sel == null ? first + k : sel[k];
        int g = ids[k];
        double v = value(col, i);
        acc[g] = isMin ? Math.min(acc[g], v) : Math.max(acc[g], v);
      }
    } else if (m.kind() == Kind.WEIGHTED_SUM) {
      Col w = table.column(m.weight());
      for (int k = 0; k < n; k++) {
        int i = sel == null ? first + k : sel[k];
        acc[ids[k]] += value(col, i) * value(w, i);
      }
    } else if (col instanceof Col.Doubles) {
      double[] v = ((Col.Doubles) col).values;
      if (sel == null) {
        Kernels.sum(v, first, ids, n, acc);
      } else {
        Kernels.sum(v, sel, ids, n, acc);
      }
    } else if (col instanceof Col.Ints) {
      Col.Ints v = (Col.Ints) col;
      if (v.values != null) {
        if (sel == null) {
          Kernels.sum(v.values, first, ids, n, acc);
        } else {
          Kernels.sum(v.values, sel, ids, n, acc);
        }
      } else if (v.shorts != null) {
        if (sel == null) {
          Kernels.sum(v.shorts, first, ids, n, acc);
        } else {
          Kernels.sum(v.shorts, sel, ids, n, acc);
        }
      } else if (sel == null) {
        Kernels.sum(v.bytes, first, ids, n, acc);
      } else {
        Kernels.sum(v.bytes, sel, ids, n, acc);
      }
    } else if (col instanceof Col.DayDifference) {
      Col.DayDifference d = (Col.DayDifference) col;
      if (sel == null) {
        Kernels.sum(d.to, d.from, first, ids, n, acc);
      } else {
        Kernels.sum(d.to, d.from, sel, ids, n, acc);
      }
    } else {
      for (int k = 0; k < n; k++) {
        int i = sel == null ? first + k : sel[k];
        acc[ids[k]] += col.number(i);
      }
    }
  }

  private static double value(Col col, int row) {
    if (col instanceof Col.Doubles) {
      return ((Col.Doubles) col).values[row];
    }
    if (col instanceof Col.Ints) {
      return ((Col.Ints) col).get(row);
    }
    if (col instanceof Col.DayDifference) {
      Col.DayDifference d = (Col.DayDifference) col;
      return d.to[row] - d.from[row];
    }
    return col.number(row);
  }

  /**
   * For quantile and distinct measures: gathers each column's values group by group (rows in their
   * original order), then computes per group. Returns, per measure, a value per group.
   */
  private double[][] valuesPerGroup(
      int[] keptIds,
      int[] keptRows,
      int[] kept,
      int[] firstRow,
      int groups,
      int[] count,
      int[][] counts,
      int partitions) {
    double[][] out = new double[measures.size()][];
    Map<String, List<Integer>> byColumn = new LinkedHashMap<>();
    for (int j = 0; j < measures.size(); j++) {
      Kind kind = measures.get(j).kind();
      if (kind == Kind.QUANTILE || kind == Kind.DISTINCT) {
        byColumn.computeIfAbsent(measures.get(j).column(), c -> new ArrayList<>()).add(j);
      }
    }
    if (byColumn.isEmpty()) {
      return out;
    }
    int[] start = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      start[g + 1] = start[g] + count[g];
    }
    int[][] cursor = new int[partitions][groups];
    for (int g = 0; g < groups; g++) {
      int at = start[g];
      for (int p = 0; p < partitions; p++) {
        cursor[p][g] = at;
        at += counts[p][g];
      }
    }
    if (start[groups] == 0) {
      return out;
    }
    for (Map.Entry<String, List<Integer>> entry : byColumn.entrySet()) {
      Col col = table.column(entry.getKey());
      // Decimals are gathered as doubles; everything else (whole numbers, dates, category
      // codes, flags) as ints, half the memory traffic.
      boolean decimal = col instanceof Col.Doubles;
      int total = start[groups];
      int[] ints = decimal ? null : Scratch.ints(total);
      double[] doubles = decimal ? new double[total] : null;
      Parallel.run(
          partitions,
          threads,
          p -> {
            int from = firstRow[p];
            int[] at = cursor[p].clone();
            int n = kept[p];
            if (decimal) {
              Kernels.gather(((Col.Doubles) col).values, keptIds, keptRows, from, n, at, doubles);
            } else if (col instanceof Col.DayDifference) {
              Col.DayDifference d = (Col.DayDifference) col;
              Kernels.gather(d.to, d.from, keptIds, keptRows, from, n, at, ints);
            } else if (intValues(col) != null) {
              Kernels.gather(intValues(col), keptIds, keptRows, from, n, at, ints);
            } else if (col instanceof Col.Ints narrow && narrow.shorts != null) {
              Kernels.gather(narrow.shorts, keptIds, keptRows, from, n, at, ints);
            } else if (col instanceof Col.Ints narrow) {
              Kernels.gather(narrow.bytes, keptIds, keptRows, from, n, at, ints);
            } else {
              for (int j = from; j < from + n; j++) {
                int i = keptRows == null ? j : keptRows[j];
                ints[at[keptIds[j]]++] =
                    col instanceof Col.Category
                        ? ((Col.Category) col).code(i)
                        : (int) col.number(i);
              }
            }
          });
      List<Integer> asked = entry.getValue();
      List<Integer> quantileMeasures = new ArrayList<>();
      List<Integer> distinctMeasures = new ArrayList<>();
      for (int j : asked) {
        out[j] = new double[groups];
        (measures.get(j).kind() == Kind.DISTINCT ? distinctMeasures : quantileMeasures).add(j);
      }
      double[] qs = new double[quantileMeasures.size()];
      for (int i = 0; i < qs.length; i++) {
        qs[i] = measures.get(quantileMeasures.get(i)).q();
      }
      int blocks = Math.min(groups, 64 * Math.max(1, threads));
      Parallel.run(
          blocks,
          threads,
          b -> {
            int gFrom = (int) ((long) groups * b / blocks);
            int gTo = (int) ((long) groups * (b + 1) / blocks);
            double[] result = new double[qs.length];
            for (int g = gFrom; g < gTo; g++) {
              if (count[g] == 0) {
                continue;
              }
              int from = start[g];
              int to = start[g + 1];
              if (!distinctMeasures.isEmpty()) {
                int distinct = 1;
                if (decimal) {
                  Arrays.sort(doubles, from, to);
                  for (int i = from + 1; i < to; i++) {
                    distinct += doubles[i] != doubles[i - 1] ? 1 : 0;
                  }
                } else {
                  Arrays.sort(ints, from, to);
                  for (int i = from + 1; i < to; i++) {
                    distinct += ints[i] != ints[i - 1] ? 1 : 0;
                  }
                }
                for (int j : distinctMeasures) {
                  out[j][g] = distinct;
                }
              }
              if (qs.length > 0) {
                if (decimal) {
                  Select.quantiles(doubles, from, to, qs, result);
                } else {
                  Select.quantiles(ints, from, to, qs, result);
                }
                for (int i = 0; i < qs.length; i++) {
                  out[quantileMeasures.get(i)][g] = result[i];
                }
              }
            }
          });
      Scratch.release(ints);
    }
    return out;
  }

  private static int[] intValues(Col col) {
    if (col instanceof Col.Ints) {
      return ((Col.Ints) col).values;
    }
    if (col instanceof Col.Days) {
      return ((Col.Days) col).epochDays;
    }
    if (col instanceof Col.Category) {
      return ((Col.Category) col).codes;
    }
    return null;
  }

  /** Group ids for packed keys, in order of first appearance (open addressing). */
  private static final class LongIds {
    private long[] keys = new long[1024];
    private int[] ids = new int[1024];
    private int size;
    private long[] byId = new long[256];

    LongIds() {
      Arrays.fill(ids, -1);
    }

    int idOf(long key) {
      int mask = keys.length - 1;
      int slot = (int) (mix(key) & mask);
      while (ids[slot] >= 0) {
        if (keys[slot] == key) {
          return ids[slot];
        }
        slot = (slot + 1) & mask;
      }
      int id = size++;
      keys[slot] = key;
      ids[slot] = id;
      if (id == byId.length) {
        byId = Arrays.copyOf(byId, id * 2);
      }
      byId[id] = key;
      if (size * 2 > keys.length) {
        grow();
      }
      return id;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldIds = ids;
      keys = new long[oldKeys.length * 2];
      ids = new int[oldKeys.length * 2];
      Arrays.fill(ids, -1);
      int mask = keys.length - 1;
      for (int s = 0; s < oldKeys.length; s++) {
        if (oldIds[s] >= 0) {
          int slot = (int) (mix(oldKeys[s]) & mask);
          while (ids[slot] >= 0) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[s];
          ids[slot] = oldIds[s];
        }
      }
    }

    private static long mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return h ^ (h >>> 29);
    }

    int size() {
      return size;
    }

    long[] keys() {
      return Arrays.copyOf(byId, size);
    }
  }
}
