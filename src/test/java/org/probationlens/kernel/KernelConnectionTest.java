package org.probationlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
