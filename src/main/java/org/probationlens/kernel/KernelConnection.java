package org.probationlens.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.Loop;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kernel's side of a Jupyter connection: binds the five sockets on the loopback address named
 * in the connection file and keeps the shell and control channels serving when a message is badly
 * signed or malformed (the base library would otherwise let the channel's thread die, after which
 * the kernel stops answering).
 */
final class KernelConnection {
  private static final Logger LOG = Logger.getLogger(KernelConnection.class.getName());

  /** How long a channel loop pauses after dropping a message, as after a normal poll. */
  private static final long PAUSE_AFTER_DROP_MS = 50;

  private KernelConnection() {}

  static void serve(Path connectionFile, LensKernel kernel) throws IOException {
    KernelConnectionProperties properties = read(connectionFile);
    // the base library logs every message at INFO; keep the notebook server's log for problems
    Logger.getLogger("").setLevel(Level.WARNING);
    JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
    Guarded connection;
    try {
      connection = new Guarded(properties);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          connectionFile
              + ": signature_scheme "
              + properties.getSignatureScheme()
              + " with the given key cannot be used: "
              + e.getMessage(),
          e);
    }
    kernel.becomeHandlerForConnection(connection);
    connection.setHandler(
        MessageType.KERNEL_INFO_REQUEST,
        (env, request) -> {
          env.setBusyDeferIdle();
          env.reply(new KernelInfo(kernel));
        });
    connection.connect();
    connection.guardChannels();
    connection.waitUntilClose();
  }

  /** Reads a connection file and refuses any address that is not the loopback interface. */
  static KernelConnectionProperties read(Path connectionFile) throws IOException {
    String json = Files.readString(connectionFile);
    KernelConnectionProperties properties;
    try {
      properties = KernelConnectionProperties.parse(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          connectionFile + ": not a Jupyter connection file (" + e.getMessage() + ")", e);
    }
    if (properties.getTransport() == null || properties.getIp() == null) {
      throw new IllegalArgumentException(
          connectionFile + ": missing \"transport\" or \"ip\"; expected e.g. tcp and 127.0.0.1");
    }
    if ("tcp".equals(properties.getTransport()) && !isLoopback(properties.getIp())) {
      throw new IllegalArgumentException(
          connectionFile
              + ": \"ip\" is "
              + properties.getIp()
              + "; the kernel binds to the loopback interface only (expected 127.0.0.1)");
    }
    return properties;
  }

  private static boolean isLoopback(String ip) {
    try {
      return InetAddress.getByName(ip).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The kernel_info reply with the {@code status} field protocol 5 requires (the base library's
   * reply leaves it out, which strict clients reject).
   */
  static final class KernelInfo extends KernelInfoReply {
    @SuppressWarnings("unused") // serialised by gson
    private final String status = "ok";

    KernelInfo(LensKernel kernel) {
      super(
          "5.3",
          "probation-lens",
          Optional.ofNullable(LensKernel.class.getPackage().getImplementationVersion())
              .orElse("development build"),
          kernel.getLanguageInfo(),
          kernel.getBanner(),
          kernel.getHelpLinks());
    }
  }

  /** A connection whose shell and control loops log and drop a message they cannot read. */
  private static final class Guarded extends JupyterConnection {
    Guarded(KernelConnectionProperties properties) throws GeneralSecurityException {
      super(properties);
    }

    void guardChannels() {
      guard(shell, "shell");
      guard(control, "control");
    }

    private static void guard(ShellChannel channel, String name) {
      Loop loop;
      try {
        Field field = ShellChannel.class.getDeclaredField("ioloop");
        field.setAccessible(true);
        loop = (Loop) field.get(channel);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "jupyter-jvm-basekernel changed: cannot find the " + name + " channel's loop", e);
      }
      if (loop == null) {
        throw new IllegalStateException("the " + name + " channel is not bound");
      }
      loop.onError(
          error -> {
            LOG.warning(
                "dropped a message on the "
                    + name
                    + " channel: "
                    + error.getClass().getSimpleName()
                    + ": "
                    + error.getMessage());
            return PAUSE_AFTER_DROP_MS;
          });
    }
  }
}
