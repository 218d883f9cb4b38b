package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderTypeTest {

  @Test
  void theCodesAreTheOnesTheCaseFilesWrite() {
    // cases.csv's provider_type, as data/sample/cases.csv and data/README.md write it.
    assertEquals(List.of("NPS", "CRC"), ProviderType.codes());
    assertEquals(List.of("NPS", "CRC"), Codes.PROVIDER_TYPES);
  }

  @Test
  void eachHasItsNameInWords() {
    assertEquals("National Probation Service", ProviderType.NPS.label());
    assertEquals("Community Rehabilitation Company", ProviderType.CRC.label());
  }

  @Test
  void aCodeIsMatchedExactly() {
    assertEquals(ProviderType.CRC, ProviderType.ofCode("CRC"));
    assertEquals(ProviderType.NPS, ProviderType.ofCode("NPS"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProviderType.ofCode("crc"));
    assertEquals("no provider type \"crc\"; expected one of [NPS, CRC]", e.getMessage());
  }
}
