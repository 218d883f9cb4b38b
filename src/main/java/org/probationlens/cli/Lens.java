package org.probationlens.cli;

/** The {@code lens} command line. */
public final class Lens {
  private Lens() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.out.println("probation-lens");
  }
}
