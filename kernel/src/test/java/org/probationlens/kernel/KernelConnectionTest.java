package org.probationlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.kernel.messages.SessionHistory;

/** Reading a Jupyter connection file: only the loopback interface is accepted. */
class KernelConnectionTest {
  @TempDir Path dir;

  private Path connectionFile(String ip) throws IOException {
    // the shape jupyter_client writes (jupyter_client/connect.py write_connection_file)
    String json =
        "{\"shell_port\": 50001, \"iopub_port\": 50002, \"stdin_port\": 50003,"
            + " \"control_port\": 50004, \"hb_port\": 50005, \"ip\": \""
            + ip
            + "\", \"key\": \"a0b1c2\", \"transport\": \"tcp\","
            + " \"signature_scheme\": \"hmac-sha256\", \"kernel_name\": \"probation-lens\"}";
    Path file = dir.resolve("kernel-" + ip.replace(':', '_') + ".json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void loopbackAddressesAreAccepted() throws IOException {
    assertEquals("127.0.0.1", KernelConnection.read(connectionFile("127.0.0.1")).getIp());
    assertEquals("::1", KernelConnection.read(connectionFile("::1")).getIp());
  }

  @Test
  void anyOtherAddressIsRefusedWithTheFileAndValueNamed() throws IOException {
    Path file = connectionFile("0.0.0.0");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KernelConnection.read(file));
    assertEquals(
        file
            + ": \"ip\" is 0.0.0.0; the kernel binds to the loopback interface only (expected"
            + " 127.0.0.1)",
        e.getMessage());
  }

  @Test
  void aPortInUseIsRefusedNamingItsChannelBeforeAnythingIsBound() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      // ports 0 are not named, so only the control port is checked
      Path file = dir.resolve("kernel-taken.json");
      Files.writeString(
          file,
          "{\"shell_port\": 0, \"iopub_port\": 0, \"stdin_port\": 0, \"control_port\": "
              + port
              + ", \"hb_port\": 0, \"ip\": \"127.0.0.1\", \"key\": \"a0b1c2\","
              + " \"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\"}");
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> KernelConnection.checkPortsFree(file, KernelConnection.read(file)));
      assertEquals(
          file
              + ": the control port "
              + port
              + " on 127.0.0.1 is already in use (Address already in use); the kernel cannot"
              + " listen there. Start the kernel again, so that Jupyter writes a new connection"
              + " file with free ports.",
          e.getMessage());
    }
  }

  /** The Gson the base library writes messages with. */
  private static Gson wireGson() throws ReflectiveOperationException {
    Field field = JupyterSocket.class.getDeclaredField("gson");
    field.setAccessible(true);
    return (Gson) field.get(null);
  }

  @Test
  void aHistoryReplyIsWrittenAsTheMessagingSpecSays() throws ReflectiveOperationException {
    SessionHistory history = new SessionHistory();
    history.record(3, "6 * 7", "42");
    history.record(4, "int x = 1;", null);
    Gson gson = wireGson();
    String inputs =
        gson.toJson(
            KernelConnection.History.answering(new HistoryRequest.Tail(false, true, 2), history));
    assertEquals(
        JsonParser.parseString(
            "{\"status\": \"ok\", \"history\": [[1, 3, \"6 * 7\"], [1, 4, \"int x = 1;\"]]}"),
        JsonParser.parseString(inputs));
    // with output: [input, output] for every entry, null where the cell had no value
    String withOutput =
        gson.toJson(
            KernelConnection.History.answering(new HistoryRequest.Tail(true, true, 2), history));
    assertEquals(
        JsonParser.parseString(
            "{\"status\": \"ok\", \"history\":"
                + " [[1, 3, [\"6 * 7\", \"42\"]], [1, 4, [\"int x = 1;\", null]]]}"),
        JsonParser.parseString(withOutput));
  }
}
