package org.probationlens.inspection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Precision against cost for one provider's case sample: a base sample and its multiples, each with
 * its margin and what it costs at a cost per case. Answers "a sample three times bigger will cost
 * three times the amount; what does it buy?": a margin about sqrt(3) = 1.73 times narrower, a
 * little more where the sample is a large part of the caseload.
 *
 * @param base the plan the multiples are of, not null
 * @param plans the plans, one per multiple, in the order asked, not empty
 * @param perCase the cost of reviewing one case, in pounds
 */
public record PrecisionCurve(SamplePlan base, List<SamplePlan> plans, double perCase)
    implements Result {

  /** Copies the plans. */
  public PrecisionCurve {
    Objects.requireNonNull(base, "base");
    plans = List.copyOf(plans);
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("plans must not be empty");
    }
  }

  @Override
  public String title() {
    return "Precision against cost: multiples of a " + base.sample() + "-case sample";
  }

  @Override
  public Table table() {
    DoubleColumn factor = DoubleColumn.create("times the base sample");
    LongColumn cases = LongColumn.create("cases reviewed");
    DoubleColumn cost = DoubleColumn.create("cost (£)");
    DoubleColumn narrower = DoubleColumn.create("margin narrower than base (times)");
    for (SamplePlan p : plans) {
      factor.append(Math.round(100.0 * p.sample() / base.sample()) / 100.0);
      cases.append(p.sample());
      cost.append(p.cost(perCase));
      narrower.append(
          p.margin() == 0 ? Double.NaN : Math.round(100 * base.margin() / p.margin()) / 100.0);
    }
    return Table.create(
        "Precision against cost",
        factor,
        cases,
        SamplePlan.points("margin (± percentage points)", plans),
        cost,
        narrower);
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "Cost is linear in cases (%s a case, a user input); the margin falls with the square"
                + " root of the sample, so each extra case buys less precision than the one before.",
            Format.pounds(perCase)),
        "Expected share "
            + Format.percent(base.design().expectedShare())
            + ", confidence "
            + Format.percent(base.design().confidence())
            + " (inputs, not HMI Probation's stated method).");
  }

  @Override
  public Sources sources() {
    return base.sources()
        .withAssumptions(List.of("Cost per case " + Format.pounds(perCase) + " is a user input"));
  }
}
