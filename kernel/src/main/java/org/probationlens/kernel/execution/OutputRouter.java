package org.probationlens.kernel.execution;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * System.out or System.err for the kernel's whole life: each write goes to the streams of the cell
 * whose thread writes ({@link CellThreads}), or, for the kernel's own threads, to the stream the
 * process started with (the notebook server's log).
 */
public final class OutputRouter extends OutputStream {
  private final boolean error;
  private final PrintStream fallback;

  private OutputRouter(boolean error, PrintStream fallback) {
    this.error = error;
    this.fallback = fallback;
  }

  /** A print stream routing standard output ({@code error} false) or error by writing thread. */
  public static PrintStream over(boolean error, PrintStream fallback) {
    return new PrintStream(new OutputRouter(error, fallback), true, StandardCharsets.UTF_8);
  }

  private OutputStream target() {
    CellStreams owner = CellThreads.writer();
    if (owner == null) {
      return fallback;
    }
    return error ? owner.err() : owner.out();
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    try {
      target().write(bytes, offset, length);
    } catch (java.io.IOException e) {
      fallback.write(bytes, offset, length);
    }
  }

  @Override
  public void flush() {
    try {
      target().flush();
    } catch (java.io.IOException e) {
      fallback.flush();
    }
  }
}
