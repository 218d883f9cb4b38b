package org.probationlens.render;

import java.util.Optional;
import org.probationlens.area.Geography;
import tech.tablesaw.api.Table;

/**
 * Tables for the domain objects a notebook cell may return whose one-line summary is not enough:
 * {@link Geography} shows its CPAs with their PCC areas and owners. Records (a CPA, an owner, a PCC
 * area, payment options) show their fields through their own {@code toString}.
 */
final class DomainDisplay {

  private DomainDisplay() {}

  /** The table to show for a value, or empty when its plain text is the display. */
  static Optional<Table> table(Object value) {
    if (value instanceof Geography g) {
      return Optional.of(g.table());
    }
    return Optional.empty();
  }
}
