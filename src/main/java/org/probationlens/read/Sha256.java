package org.probationlens.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 digest that identifies exactly which bytes a result was computed from: a reference
 * table shipped with the library, a case file a user loaded, a synthetic register as generated. A
 * provenance quotes it, so a reader can check that a published figure came from the same file.
 *
 * <p>Every digest is 64 lower-case hexadecimal digits. The one place the project computes one for a
 * whole file or resource; the validating reader ({@link DatasetLoader}) digests as it reads.
 */
public final class Sha256 {

  private Sha256() {}

  /**
   * The digest of some bytes, e.g. a reference table already read or a generated CSV.
   *
   * @param bytes the bytes, not null
   * @return 64 lower-case hex digits, not null
   */
  public static String of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /**
   * The digest of a file, read in blocks (a 10-million-row case file is never held whole).
   *
   * @param file the file, not null
   * @return 64 lower-case hex digits, not null
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public static String of(Path file) {
    Objects.requireNonNull(file, "file");
    MessageDigest digest = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " for its SHA-256", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The digest of class-path resources read one after another as one stream, e.g. {@code
   * "data/reference/pcc_areas.csv", "data/reference/cpa_ownership.csv"} for a result drawn from
   * both reference tables. With one resource it is that file's digest.
   *
   * @param resources class-path resource names without a leading slash, at least one, not null
   * @return 64 lower-case hex digits, not null
   * @throws IllegalStateException naming a resource missing from the class path
   * @throws UncheckedIOException when a resource cannot be read
   */
  public static String ofResources(String... resources) {
    if (resources.length == 0) {
      throw new IllegalArgumentException("expected at least one class-path resource, got none");
    }
    MessageDigest digest = digest();
    for (String r : resources) {
      Objects.requireNonNull(r, "resource");
      try (InputStream in = Sha256.class.getClassLoader().getResourceAsStream(r)) {
        if (in == null) {
          throw new IllegalStateException("class-path resource " + r + " is missing");
        }
        digest.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256, which every Java SE has", e);
    }
  }
}
