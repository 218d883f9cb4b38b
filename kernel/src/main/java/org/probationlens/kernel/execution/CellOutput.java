package org.probationlens.kernel.execution;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a cell prints, gathered into a few stream messages instead of one message per line, and cut
 * after {@value #MAX_BYTES} bytes with a note. A loop printing every case of a large caseload would
 * otherwise flood the notebook, and Jupyter's output socket drops messages past its high-water
 * mark, the "idle" status among them, so the notebook would show the cell as running for ever.
 */
public final class CellOutput extends OutputStream {
  /** The most a cell may print to one stream; the rest is counted and dropped. */
  static final int MAX_BYTES = 1 << 20;

  /** Output is passed on when this much has gathered. */
  static final int CHUNK_BYTES = 64 * 1024;

  /** Output is passed on at least this often while a cell prints. */
  static final long INTERVAL_NANOS = 100_000_000L;

  private PrintStream target;
  private String lateNote;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private long written;
  private long dropped;
  private long lastForward = System.nanoTime();

  CellOutput(PrintStream target) {
    this.target = target;
  }

  /** A print stream over this output, for System.out or System.err during a cell. */
  PrintStream printStream() {
    return new PrintStream(this, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    if (lateNote != null) {
      writeLate(bytes, offset, length);
      return;
    }
    long room = MAX_BYTES - written;
    int kept = (int) Math.max(0, Math.min(room, length));
    buffer.write(bytes, offset, kept);
    written += kept;
    dropped += length - kept;
    if (buffer.size() >= CHUNK_BYTES) {
      forward();
    }
  }

  /** Called on every println; passes output on only when {@link #INTERVAL_NANOS} has passed. */
  @Override
  public synchronized void flush() {
    if (System.nanoTime() - lastForward >= INTERVAL_NANOS) {
      forward();
    }
  }

  /** Passes on what has gathered, whatever the time; for a timer while the cell runs. */
  synchronized void forward() {
    if (buffer.size() > 0) {
      target.write(buffer.toByteArray(), 0, buffer.size());
      buffer.reset();
      target.flush();
    }
    lastForward = System.nanoTime();
  }

  /** Passes on the rest at the end of the cell, with a note when output was cut. */
  synchronized void finish() {
    forward();
    if (dropped > 0) {
      target.print(
          "\n... (output cut: the cell printed "
              + (written + dropped)
              + " bytes; the first "
              + MAX_BYTES
              + " are shown. Write large results to a file or show a table instead.)\n");
      target.flush();
    }
  }

  /**
   * Passes on the rest as {@link #finish()} does; from then on every write goes straight to {@code
   * late}, the first after {@code note}. For output of threads that outlive their cell.
   */
  synchronized void finishThenGoLate(PrintStream late, String note) {
    finish();
    target = late;
    lateNote = note;
  }

  private void writeLate(byte[] bytes, int offset, int length) {
    long room = MAX_BYTES - written;
    int kept = (int) Math.max(0, Math.min(room, length));
    if (kept == 0) {
      return;
    }
    if (!lateNote.isEmpty()) {
      target.print(lateNote);
      lateNote = "";
    }
    target.write(bytes, offset, kept);
    target.flush();
    written += kept;
  }
}
