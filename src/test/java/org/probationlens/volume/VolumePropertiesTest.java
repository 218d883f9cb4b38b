package org.probationlens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.probationlens.area.Level;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import tech.tablesaw.api.Table;

/** Identities that hold for any data: the decomposition is exact and roll-ups are sums. */
class VolumePropertiesTest {

  @Property(tries = 8)
  void contributionsSumToTheShortfallAndOwnersSumTheirCpas(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2014, max = 2020) int year)
      throws Exception {
    Path dir = Files.createTempDirectory("volume-props");
    SampleData data = SampleData.random(dir, 3_000, seed);
    VolumeVariance v = VolumeVariance.of(data.cases(), data.forecast());
    ReportingPeriod period = ReportingPeriod.of(FinancialYear.of(year));
    Shortfall cpa = v.shortfall(Level.CPA, period);
    MixEffect mix = v.mixEffect(Level.CPA, period);
    for (String code : cpa.table().stringColumn("cpa")) {
      assertEquals(cpa.weightedPercent(code), mix.totalPercent(code), 1e-9, code);
    }
    Table cpas = cpa.table();
    Table nation = v.shortfall(Level.ENGLAND_AND_WALES, period).table();
    assertEquals(
        cpas.doubleColumn("forecast_weighted").sum(),
        nation.doubleColumn("forecast_weighted").getDouble(0),
        1e-6);
    assertEquals(
        (long) cpas.intColumn("actual_count").sum(), nation.intColumn("actual_count").getInt(0));
    Table owners =
        v.withOwnersAsOf(java.time.LocalDate.of(2017, 1, 1)).shortfall(Level.OWNER, period).table();
    assertEquals(
        cpas.doubleColumn("actual_weighted").sum(),
        owners.doubleColumn("actual_weighted").sum(),
        1e-6);
  }
}
