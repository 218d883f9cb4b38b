package org.probationlens.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  /** FIPS 180-2, appendix B.1: the SHA-256 of "abc". */
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void bytesAndAFileHaveThePublishedDigest(@TempDir Path dir) throws IOException {
    assertEquals(ABC, Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
    Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
    assertEquals(ABC, Sha256.of(file));
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> Sha256.of(dir.resolve("missing.csv")));
    assertEquals("reading " + dir.resolve("missing.csv") + " for its SHA-256", e.getMessage());
  }

  @Test
  void resourcesAreDigestedAsOneStream() throws IOException {
    String areas = "data/reference/pcc_areas.csv";
    String owners = "data/reference/cpa_ownership.csv";
    byte[] a = resource(areas);
    byte[] b = resource(owners);
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    assertEquals(Sha256.of(a), Sha256.ofResources(areas));
    assertEquals(Sha256.of(both), Sha256.ofResources(areas, owners));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> Sha256.ofResources("data/reference/none.csv"));
    assertEquals("class-path resource data/reference/none.csv is missing", e.getMessage());
    assertThrows(IllegalArgumentException.class, Sha256::ofResources);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = Sha256Test.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
