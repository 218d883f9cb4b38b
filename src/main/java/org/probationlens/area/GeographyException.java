package org.probationlens.area;

/**
 * Thrown when a geography look-up or roll-up cannot be answered from the published facts: an
 * unknown code or name, a roll-up in an impossible direction, or a fact the sources leave open. The
 * message names the value, what was expected, and what the caller can do.
 */
public final class GeographyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  GeographyException(String message) {
    super(message);
  }
}
