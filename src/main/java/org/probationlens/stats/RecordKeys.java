package org.probationlens.stats;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The record keys of the {@link CellKeyMethod}: a fixed key for every record, a whole number that
 * looks uniformly drawn from {@code [0, }{@link CellKeyMethod#KEY_RANGE}{@code )}, derived from the
 * record's identifier (the case id) and a secret.
 *
 * <p>The method needs keys that stay the same from run to run (so the same question gives the same
 * answer) and that a reader of the outputs cannot work out (or the noise could be subtracted). The
 * ABS and ONS draw them at random once and store them with the microdata; a notebook reads the
 * analyst's files afresh each time, so here they are computed instead: a keyed 64-bit hash of the
 * identifier (FNV-1a, then the SplitMix64 finaliser), keyed by a secret that is the SHA-256 of
 * every identifier of the dataset in file order, and of the data holder's own secret when one is
 * set in the environment variable {@value #SECRET_VARIABLE}. Only someone who holds the records can
 * compute the keys; with the variable set, not even they can without it.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordKeys {

  /** The environment variable that may hold the data holder's own secret for the keys. */
  public static final String SECRET_VARIABLE = "PROBATION_LENS_KEY_SECRET";

  private static final byte[] DOMAIN =
      "probation-lens record keys v1".getBytes(StandardCharsets.UTF_8);

  private final long k0;
  private final long k1;

  private RecordKeys(byte[] digest) {
    ByteBuffer b = ByteBuffer.wrap(digest);
    this.k0 = b.getLong();
    this.k1 = b.getLong();
  }

  /**
   * The keys of a dataset's records, keyed by its identifiers (and the environment's secret, if
   * set).
   *
   * @param ids every record identifier of the dataset, in file order, not null
   * @return the keys, not null
   */
  public static RecordKeys forRecords(Iterable<String> ids) {
    return forRecords(ids, System.getenv(SECRET_VARIABLE));
  }

  /**
   * The keys of a dataset's records, keyed by its identifiers and a secret of the data holder's.
   *
   * @param ids every record identifier, in file order, not null
   * @param holderSecret the data holder's secret, or null for none
   * @return the keys, not null
   */
  public static RecordKeys forRecords(Iterable<String> ids, String holderSecret) {
    Objects.requireNonNull(ids, "ids");
    MessageDigest sha = sha256();
    sha.update(DOMAIN);
    for (String id : ids) {
      sha.update(Objects.requireNonNull(id, "a record id").getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    if (holderSecret != null && !holderSecret.isEmpty()) {
      sha.update((byte) 1);
      sha.update(holderSecret.getBytes(StandardCharsets.UTF_8));
    }
    return new RecordKeys(sha.digest());
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
