package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.probationlens.area.Geography;

/**
 * The contract's code lists, kept in {@link Codes} so this package does not depend on the area
 * package, must agree with the area package's reference data (data/reference on the class path).
 */
class CodesTest {

  private static <T> Set<String> codes(List<T> items, Function<T, String> code) {
    Set<String> set = new TreeSet<>();
    items.forEach(item -> set.add(code.apply(item)));
    return set;
  }

  @Test
  void geographyCodesAgreeWithTheAreaPackage() {
    Geography geography = Geography.standard();
    assertEquals(42, Codes.PCC_AREAS.size());
    assertEquals(codes(geography.pccAreas(), a -> a.code()), new TreeSet<>(Codes.PCC_AREAS));
    assertEquals(codes(geography.cpas(), c -> c.code()), new TreeSet<>(Codes.CPAS));
    assertEquals(
        codes(geography.npsDivisions(), d -> d.code()), new TreeSet<>(Codes.NPS_DIVISIONS));
  }

  @Test
  void financialYearsRunFrom2014to15To2020to21() {
    assertEquals(
        List.of("2014-15", "2015-16", "2016-17", "2017-18", "2018-19", "2019-20", "2020-21"),
        Codes.FINANCIAL_YEARS);
  }
}
