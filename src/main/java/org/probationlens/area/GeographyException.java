package org.probationlens.area;

/**
 * Thrown when a geography look-up or roll-up cannot be answered from the published facts: an
 * unknown code or name, a roll-up in an impossible direction, or a fact the sources leave open. The
 * message names the value, what was expected, and what the caller can do.
 *
 * <p>A table handed to {@link Geography#rollUp roll-up} with bad rows or columns (an unknown key, a
 * missing count, a column of the wrong type) is reported instead as a {@link
 * org.probationlens.read.DatasetValidationException} listing each {@link
 * org.probationlens.read.Problem} by the table's row and column, as a file's are by line.
 */
public final class GeographyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  GeographyException(String message) {
    super(message);
  }
}
