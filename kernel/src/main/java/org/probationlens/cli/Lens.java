package org.probationlens.cli;

import java.util.Arrays;

/**
 * The {@code lens} command line: one subcommand per class, chosen by the first argument.
 *
 * <p>{@code data ...} generates synthetic case-level data; {@code kernel install|run} installs or
 * starts the Probation Lens Jupyter kernel.
 */
public final class Lens {
  private Lens() {}

  /**
   * Entry point.
   *
   * @param args the subcommand and its arguments
   */
  public static void main(String[] args) {
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    int status;
    switch (args[0]) {
      case "data":
        status = DataCommand.run(rest, System.out, System.err, System.console() != null);
        break;
      case "kernel":
        status = KernelCommand.run(rest);
        break;
      case "help":
      case "--help":
      case "-h":
        usage();
        status = 0;
        break;
      default:
        System.err.println("lens: unknown command: " + args[0]);
        usage();
        status = 2;
    }
    System.exit(status);
  }

  private static void usage() {
    System.err.println("Usage: java -jar probation-lens-all.jar COMMAND [ARGS]");
    System.err.println(
        "  data ...       generate synthetic case-level data (data --help for options)");
    System.err.println(KernelCommand.USAGE);
  }
}
