package org.probationlens.cli;

import java.util.Arrays;

/** The {@code lens} command line. */
public final class Lens {
  private Lens() {}

  /** Entry point: {@code lens data ...}; other commands are dispatched by name. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("data")) {
      int status =
          DataCommand.run(
              Arrays.copyOfRange(args, 1, args.length),
              System.out,
              System.err,
              System.console() != null);
      System.exit(status);
    }
    System.out.println("probation-lens");
  }
}
