package org.probationlens.engine;

import static org.probationlens.engine.CaseFields.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.probationlens.read.Rule;

/**
 * The schema's cross-column rules as the fast reader checks them, sorted once into three kinds:
 * rules that compare two date columns (checked as a comparison of day numbers), rules whose
 * verdicts are remembered in a {@link RuleTable} by the values they read, and the others, run on
 * every row.
 */
final class CaseRules {
  private CaseRules() {}

  /**
   * The rules that read code and boolean columns and at most one date or whole number, with their
   * verdicts.
   */
  static final RuleTable[] MEMOIZED;

  /** The other rules, run on every row. */
  static final Rule[] EVALUATED;

  /**
   * The rules made by {@link Rule#notBefore} on two date columns, as {later field, earlier field}:
   * checked as a comparison of the two columns' day numbers, which gives the rule's own verdict.
   */
  static final int[][] ORDERED;

  static final List<Rule> ORDERED_RULES;

  /** The columns of the rules checked as a comparison of two date columns, in order; for tests. */
  static List<String> comparedRuleColumns() {
    return ORDERED_RULES.stream().map(Rule::column).toList();
  }

  /** The columns of the rules run on every row, in order; for tests. */
  static List<String> evaluatedRuleColumns() {
    return Arrays.stream(EVALUATED).map(Rule::column).toList();
  }

  /** The columns of the rules that read code and boolean columns only, in order; for tests. */
  static List<String> tabulatedRuleColumns() {
    return ruleColumns(true);
  }

  /** The columns of the rules that also read one date or whole number, in order; for tests. */
  static List<String> memoizedRuleColumns() {
    return ruleColumns(false);
  }

  private static List<String> ruleColumns(boolean codesOnly) {
    List<Rule> rules = new ArrayList<>();
    for (RuleTable m : MEMOIZED) {
      if ((m.numberField < 0) == codesOnly) {
        rules.addAll(m.rules);
      }
    }
    return RULES.stream().filter(rules::contains).map(Rule::column).toList();
  }

  // after the columns' ranges, which the verdict tables use
  static {
    // Rules that can be remembered are grouped by the date or number they read (none for those on
    // codes alone), one verdict table per group for all its rules, so that a row looks up one
    // verdict per group; a group whose table would be too large keeps a table per rule.
    Map<Integer, List<Rule>> groups = new java.util.TreeMap<>();
    List<Rule> evaluated = new ArrayList<>();
    List<int[]> ordered = new ArrayList<>();
    List<Rule> orderedRules = new ArrayList<>();
    for (Rule rule : RULES) {
      Integer later = POSITION.get(rule.column());
      Integer earlier = rule.notBefore().map(POSITION::get).orElse(null);
      if (later != null
          && earlier != null
          && (later == 5 || later == 6)
          && (earlier == 5 || earlier == 6)) {
        ordered.add(new int[] {later, earlier});
        orderedRules.add(rule);
        continue;
      }
      RuleTable memo = RuleTable.of(List.of(rule));
      if (memo != null) {
        groups
            .computeIfAbsent(
                (memo.numberField + 1) * 16 + memo.secondField + 1, k -> new ArrayList<>())
            .add(rule);
      } else {
        evaluated.add(rule);
      }
    }
    List<RuleTable> memoized = new ArrayList<>();
    for (List<Rule> group : groups.values()) {
      RuleTable together = RuleTable.of(group);
      if (together != null) {
        memoized.add(together);
      } else {
        group.forEach(rule -> memoized.add(RuleTable.of(List.of(rule))));
      }
    }
    MEMOIZED = memoized.toArray(RuleTable[]::new);
    EVALUATED = evaluated.toArray(Rule[]::new);
    ORDERED = ordered.toArray(int[][]::new);
    ORDERED_RULES = List.copyOf(orderedRules);
  }
}
