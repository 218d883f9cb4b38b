package org.probationlens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void runs() {
    assertEquals(2, 1 + 1);
  }
}
