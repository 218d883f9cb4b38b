package org.probationlens.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test support: writes a standalone HTML page from rendered outputs, in the order given, the way
 * nbconvert's HTML export lays out a notebook's outputs one after another.
 */
final class StandalonePage {

  private StandalonePage() {}

  /** Writes the page; each fragment is an output's text/html, or the plotly bootstrap. */
  static Path write(Path file, String title, List<String> fragments) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
        .append(Text.html(title))
        .append("</title>\n<style>body{font-family:sans-serif;margin:16px;max-width:1100px}")
        .append(".cell{margin:0 0 24px 0}</style>\n</head>\n<body>\n");
    for (String fragment : fragments) {
      b.append("<div class=\"cell\">\n").append(fragment).append("</div>\n");
    }
    b.append("</body>\n</html>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    return file;
  }
}
