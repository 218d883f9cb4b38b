package org.probationlens.data.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A buffered ASCII writer that formats integers itself (no per-row {@code String.format}) and
 * computes the SHA-256 of everything it writes, so a 10-million-row file is hashed without being
 * read back.
 */
final class ByteSink implements AutoCloseable {
  private final OutputStream out;
  private final MessageDigest sha256;
  private final byte[] buffer = new byte[1 << 20];
  private final byte[] digits = new byte[20];
  private int position;
  private String hash;

  ByteSink(OutputStream out) {
    this.out = out;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256, which every Java SE must have", e);
    }
  }

  void put(byte b) throws IOException {
    if (position == buffer.length) {
      drain();
    }
    buffer[position++] = b;
  }

  void put(byte[] bytes) throws IOException {
    if (position + bytes.length > buffer.length) {
      drain();
    }
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  void put(String ascii) throws IOException {
    put(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  /** Writes a non-negative number in decimal, left-padded with zeros to {@code width} digits. */
  void putDigits(long value, int width) throws IOException {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    int n = 0;
    long v = value;
    do {
      digits[n++] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
    if (position + Math.max(n, width) > buffer.length) {
      drain();
    }
    for (int pad = width - n; pad > 0; pad--) {
      buffer[position++] = '0';
    }
    while (n > 0) {
      buffer[position++] = digits[--n];
    }
  }

  /** Writes a non-negative number in decimal without padding. */
  void putNumber(long value) throws IOException {
    putDigits(value, 1);
  }

  private void drain() throws IOException {
    sha256.update(buffer, 0, position);
    out.write(buffer, 0, position);
    position = 0;
  }

  /** Flushes, closes the stream and returns the lowercase hex SHA-256 of all bytes written. */
  String finish() throws IOException {
    if (hash == null) {
      drain();
      out.close();
      hash = HexFormat.of().formatHex(sha256.digest());
    }
    return hash;
  }

  @Override
  public void close() throws IOException {
    finish();
  }
}
