package org.probationlens.innovation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RegisterPropertiesTest {

  @Provide
  Arbitrary<LocalDate> days() {
    return Arbitraries.integers()
        .between(0, 6 * 365)
        .map(n -> LocalDate.of(2015, 2, 1).plusDays(n));
  }

  @Provide
  Arbitrary<LifecycleStage> stages() {
    return Arbitraries.of(LifecycleStage.values());
  }

  @Property
  void aDateReadsBackAsWritten(
      @ForAll("days") LocalDate day, @ForAll("precisions") String precision) {
    String text =
        switch (precision) {
          case "day" -> day.toString();
          case "month" -> day.toString().substring(0, 7);
          default -> day.toString().substring(0, 4);
        };
    EventDate on = EventDate.parse(text, "on", "test.csv", 2);
    assertEquals(text, on.toString());
    assertEquals("by " + text, EventDate.parse(text, "by", "test.csv", 2).toString());
    assertEquals(true, !on.latest().orElseThrow().isBefore(day));
    assertEquals(true, !on.earliest().orElseThrow().isAfter(day));
  }

  @Provide
  Arbitrary<String> precisions() {
    return Arbitraries.of("day", "month", "year");
  }

  @Property
  void twoExactDaysInTheWrongOrderAreAlwaysRefused(
      @ForAll("stages") LifecycleStage a,
      @ForAll("stages") LifecycleStage b,
      @ForAll("days") LocalDate first,
      @ForAll("days") LocalDate second) {
    Assume.that(a.compareTo(b) < 0 && first.isBefore(second));
    // stage a is earlier in the lifecycle but dated later than stage b
    String body = row(a, second) + row(b, first);
    org.probationlens.read.Problem e =
        assertThrows(
                org.probationlens.read.DatasetValidationException.class,
                () ->
                    InnovationRegister.read(
                        "p.csv", new StringReader(InnovationRegister.HEADER + "\n" + body)))
            .problems()
            .get(0);
    assertEquals("date", e.column());
  }

  @Property
  void rowOrderDoesNotMatter(@ForAll("days") LocalDate first, @ForAll("days") LocalDate second) {
    Assume.that(!first.isAfter(second));
    String a = row(LifecycleStage.SUBMITTED, first);
    String b = row(LifecycleStage.APPROVED, second);
    Innovation one = read(a + b);
    Innovation two = read(b + a);
    assertEquals(
        one.events().stream().map(e -> e.stage() + " " + e.date()).toList(),
        two.events().stream().map(e -> e.stage() + " " + e.date()).toList());
  }

  private static Innovation read(String body) {
    return InnovationRegister.read(
            "p.csv", new StringReader(InnovationRegister.HEADER + "\n" + body))
        .innovations()
        .get(0);
  }

  private static String row(LifecycleStage stage, LocalDate day) {
    return "SYN-1,X,it_system,C21,SEETEC," + stage.code() + "," + day + ",on,gen,synthetic\n";
  }
}
