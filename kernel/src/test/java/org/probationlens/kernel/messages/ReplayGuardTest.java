package org.probationlens.kernel.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A message whose signature was seen before is refused; its first arrival is not. */
class ReplayGuardTest {
  private static byte[][] message(String id) {
    return new byte[][] {
      ("{\"msg_id\": \"" + id + "\", \"msg_type\": \"execute_request\"}")
          .getBytes(StandardCharsets.UTF_8),
      "{}".getBytes(StandardCharsets.UTF_8),
      "{}".getBytes(StandardCharsets.UTF_8),
      "{\"code\": \"1 + 1\"}".getBytes(StandardCharsets.UTF_8)
    };
  }

  @Test
  void theSameMessageTwiceGetsAMismatchedSignatureTheSecondTime() throws Exception {
    ReplayGuard guard = new ReplayGuard("hmac-sha256", "a0b1c2");
    // what the base library computes without the guard: the plain HMAC, equal for both arrivals
    String plain =
        new io.github.spencerpark.jupyter.messages.HMACGenerator("hmac-sha256", "a0b1c2")
            .calculateSignature(message("m1"));
    assertEquals(plain, guard.calculateSignature(message("m1")));
    assertNotEquals(plain, guard.calculateSignature(message("m1")));
    // a different message (new id) is not a replay
    assertEquals(64, guard.calculateSignature(message("m2")).length());
  }

  @Test
  void onlyTheMostRecentSignaturesAreKept() throws Exception {
    ReplayGuard guard = new ReplayGuard("hmac-sha256", "k");
    String first = guard.calculateSignature(message("first"));
    for (int i = 0; i < ReplayGuard.REMEMBERED; i++) {
      guard.calculateSignature(message("m" + i));
    }
    // "first" has dropped out of the bounded set, so it is accepted again
    assertEquals(first, guard.calculateSignature(message("first")));
  }
}
