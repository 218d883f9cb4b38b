package org.probationlens.kernel.execution;

import java.util.List;

/** A magic line the kernel does not know, or one given wrong arguments. */
public final class CellMagicException extends CellException {
  private static final long serialVersionUID = 1L;

  public CellMagicException(String name, String message) {
    super(name, message, List.of(name + ": " + message));
  }
}
