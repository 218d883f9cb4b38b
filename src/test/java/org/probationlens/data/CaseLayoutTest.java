package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseLayoutTest {

  @TempDir Path dir;

  @Test
  void recognisesEachLayoutFromItsFiles() throws IOException {
    Path file = Files.writeString(dir.resolve("cases.csv"), "x");
    assertEquals(CaseLayout.PROJECT_CSV, CaseLayout.recognise(file));
    Path ndelius = Files.createDirectory(dir.resolve("nd"));
    Files.writeString(ndelius.resolve("EVENT.csv"), "EVENT_ID,SOFT_DELETED\n");
    assertEquals(CaseLayout.NDELIUS, CaseLayout.recognise(ndelius));
    Path dataFirst = Files.createDirectory(dir.resolve("df"));
    Files.createDirectory(dataFirst.resolve("moj_probation_flatfile_01"));
    assertEquals(CaseLayout.DATA_FIRST, CaseLayout.recognise(dataFirst));
    Path other = Files.createDirectory(dir.resolve("other"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CaseLayout.recognise(other));
    assertTrue(e.getMessage().contains("an nDelius extract holds EVENT.csv"), e.getMessage());
  }

  @Test
  void aNotebooksFormatNamesALayoutOrAsksForRecognition() throws IOException {
    Path file = Files.writeString(dir.resolve("cases.csv"), "x");
    assertEquals(CaseLayout.NDELIUS, CaseLayout.of("ndelius", file));
    assertEquals(CaseLayout.PROJECT_CSV, CaseLayout.of("auto", file));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CaseLayout.of("nDelius", file));
    assertEquals(
        "casesFormat \"nDelius\" names no layout; expected one of auto, csv, ndelius, datafirst",
        e.getMessage());
  }

  @Test
  void dataFirstIsReadByItsReaderWhichNamesWhatItMisses() {
    // an empty directory named as Data First: the reader itself answers, naming its files
    Exception e = assertThrows(Exception.class, () -> CaseRecords.load(dir, CaseLayout.DATA_FIRST));
    assertTrue(e.getMessage().contains("flatfile"), e.getMessage());
  }

  @Test
  void theProjectsLayoutIsOneFileNeverADirectory() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CaseRecords.load(dir, CaseLayout.PROJECT_CSV));
    assertEquals(
        dir
            + " is a directory; the project's layout (casesFormat \"csv\") is one file, cases.csv:"
            + " give its path, or the format of the directory's files (ndelius, or auto to"
            + " recognise them)",
        e.getMessage());
  }
}
