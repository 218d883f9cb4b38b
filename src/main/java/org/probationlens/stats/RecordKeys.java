package org.probationlens.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The record keys of the {@link CellKeyMethod}: a fixed key for every record, a whole number that
 * looks uniformly drawn from {@code [0, }{@link CellKeyMethod#KEY_RANGE}{@code )}, derived from the
 * record's identifier (the case id) and a secret.
 *
 * <p>The method needs keys that belong to the record alone, so that a record has the same key in
 * every table, in every subset of the data (a filtered copy gives the cells it did not change the
 * same noise) and in every run (the same question gives the same answer), and that a reader of the
 * outputs cannot work out (or the noise could be subtracted). The ABS and ONS draw them at random
 * once and store them with the microdata; a notebook reads the analyst's own files, which the
 * project must not change, so here they are computed: a keyed 64-bit hash of the identifier
 * (FNV-1a, then the SplitMix64 finaliser) under a secret.
 *
 * <p>The secret is the SHA-256 of the environment variable {@value #SECRET_VARIABLE} when it is set
 * (a team that publishes from several machines sets the same value on each, so that their outputs
 * agree); otherwise of the installation's own random secret, 32 bytes drawn once by {@link
 * SecureRandom} and kept, readable by the owner only, in {@code
 * ~/.probation-lens/record-key-secret} (like an SSH key: keep it, and the same question keeps
 * giving the same answer; lose it, and every perturbed figure changes once).
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordKeys {

  /** The environment variable that may hold the data holder's secret for the keys. */
  public static final String SECRET_VARIABLE = "PROBATION_LENS_KEY_SECRET";

  private static final byte[] DOMAIN =
      "probation-lens record keys v1".getBytes(StandardCharsets.UTF_8);

  private final long k0;
  private final long k1;
  private final String secretSource;

  private RecordKeys(byte[] secret, String secretSource) {
    MessageDigest sha = sha256();
    sha.update(DOMAIN);
    sha.update(secret);
    ByteBuffer b = ByteBuffer.wrap(sha.digest());
    this.k0 = b.getLong();
    this.k1 = b.getLong();
    this.secretSource = secretSource;
  }

  /**
   * The keys under this installation's secret: {@value #SECRET_VARIABLE} if set, else the secret
   * kept in {@code ~/.probation-lens/record-key-secret} (made on first use).
   *
   * @return the keys, not null
   * @throws UncheckedIOException if the secret file cannot be read or made, naming it
   */
  public static RecordKeys standard() {
    String env = System.getenv(SECRET_VARIABLE);
    if (env != null && !env.isEmpty()) {
      return new RecordKeys(env.getBytes(StandardCharsets.UTF_8), "$" + SECRET_VARIABLE);
    }
    return fromFile(
        Path.of(System.getProperty("user.home"), ".probation-lens", "record-key-secret"));
  }

  /**
   * The keys under a secret the caller gives.
   *
   * @param secret the secret, not empty
   * @return the keys, not null
   */
  public static RecordKeys withSecret(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the secret for record keys is empty");
    }
    return new RecordKeys(secret.getBytes(StandardCharsets.UTF_8), "a secret given by the caller");
  }

  /**
   * The keys under the secret kept in a file, made there (32 random bytes, in hex, readable by the
   * owner only) if the file does not exist.
   *
   * @param file the file, not null
   * @return the keys, not null
   * @throws UncheckedIOException if the file cannot be read or made, naming it
   * @throws IllegalStateException if the file holds something other than a secret this class wrote
   */
  static RecordKeys fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
          Files.writeString(
              file, HexFormat.of().formatHex(fresh) + "\n", StandardOpenOption.CREATE_NEW);
          try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the file stays as the system made it
          }
        } catch (FileAlreadyExistsException race) {
          // another process made it first: read theirs
        }
      }
      String text = Files.readString(file).strip();
      if (!text.matches("[0-9a-f]{64}")) {
        throw new IllegalStateException(
            file
                + ": expected the 64 hex digits of a record-key secret, found "
                + text.length()
                + " characters; delete the file to make a new secret (every perturbed figure will"
                + " change once)");
      }
      return new RecordKeys(HexFormat.of().parseHex(text), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or make the record-key secret " + file, e);
    }
  }

  /**
   * A record's key.
   *
   * @param id the record's identifier, not null
   * @return the key, in {@code [0, KEY_RANGE)}
   */
  public int key(String id) {
    long h = 0xcbf29ce484222325L ^ k0;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= k1;
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return (int) (h >>> (64 - 20));
  }

  /**
   * Where the secret came from, for the note under an output: the variable, the file or the caller.
   *
   * @return a short description, not null
   */
  public String secretSource() {
    return secretSource;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
