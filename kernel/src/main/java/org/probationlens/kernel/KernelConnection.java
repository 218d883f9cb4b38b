package org.probationlens.kernel;

import com.google.gson.JsonArray;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.Loop;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.probationlens.kernel.execution.CellException;
import org.probationlens.kernel.messages.ReplayGuard;
import org.probationlens.kernel.messages.SessionHistory;
import org.zeromq.ZMQException;

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

  /** How long the shell and control loops sleep between checks of their sockets. */
  static final long POLL_SLEEP_MS = 2;

  private KernelConnection() {}

  /**
   * How long the process may take to exit after a shutdown request has been answered (the running
   * cell stopped, JShell closed) before it is halted; below the 5 s jupyter_client waits before it
   * kills a kernel.
   */
  static final long EXIT_AFTER_SHUTDOWN_MS = 2000;

  /** The five channels of a Jupyter connection, in the order they are bound. */
  private static final List<String> CHANNELS =
      List.of("heartbeat", "shell", "control", "stdin", "iopub");

  /**
   * Serves a kernel on the connection file's sockets until it is shut down; {@code kernels} is
   * asked for the kernel only once the file is read and its ports are known to be free, so a port
   * in use is one line and an exit, before JShell starts.
   */
  static void serve(Path connectionFile, Supplier<LensKernel> kernels) throws IOException {
    KernelConnectionProperties properties = read(connectionFile);
    checkPortsFree(connectionFile, properties);
    LensKernel kernel = kernels.get();
    // the base library logs every message at INFO; keep the notebook server's log for problems
    Logger.getLogger("").setLevel(Level.WARNING);
    JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
    Guarded connection;
    try {
      connection = new Guarded(new ReplayGuarded(properties), kernel);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          connectionFile
              + ": signature_scheme "
              + properties.getSignatureScheme()
              + " with the given key cannot be used: "
              + e.getMessage(),
          e);
    }
    kernel.serveInThisProcess();
    kernel.becomeHandlerForConnection(connection);
    connection.setHandler(
        MessageType.KERNEL_INFO_REQUEST,
        (env, request) -> {
          env.setBusyDeferIdle();
          env.reply(new KernelInfo(kernel));
        });
    // the base library's execute handler runs the cell; the kernel is told first which cell it
    // is (its execution count), whether the client wants it in the history and how to clear its
    // output
    ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
    connection.setHandler(
        MessageType.EXECUTE_REQUEST,
        (env, message) -> {
          ExecuteRequest request = message.getContent();
          kernel.beginRequest(
              new LensKernel.Request(
                  kernel.nextExecutionCount(),
                  request.shouldStoreHistory() && !request.isSilent(),
                  env::publish,
                  (error, text) ->
                      env.publish(
                          new PublishStream(
                              error ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT,
                              text))));
          try {
            execute.handle(env, message);
          } finally {
            kernel.endRequest();
          }
        });
    connection.setHandler(
        MessageType.HISTORY_REQUEST,
        (env, message) -> {
          env.setBusyDeferIdle();
          try {
            env.reply(History.answering(message.getContent(), kernel.history()));
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "history request " + message.getContent(), e);
            env.replyError(HistoryReply.MESSAGE_TYPE.error(), ErrorReply.of(e));
          }
        });
    // the base library answers the request, then closes the sockets; the process ends when the
    // shell channel's loop does, which waits for a running cell (onShutdown stops it)
    ShellHandler<ShutdownRequest> shutdown = connection.getHandler(MessageType.SHUTDOWN_REQUEST);
    connection.setHandler(
        MessageType.SHUTDOWN_REQUEST,
        (env, message) -> {
          try {
            shutdown.handle(env, message);
          } finally {
            haltAfter(EXIT_AFTER_SHUTDOWN_MS);
          }
        });
    try {
      connection.connect();
    } catch (ZMQException e) {
      // another process took a port between the check and the bind
      closeQuietly(connection);
      throw new IllegalArgumentException(
          connectionFile
              + ": cannot listen on the ports it names on "
              + properties.getIp()
              + " ("
              + ports(properties)
              + "): "
              + e.getMessage(),
          e);
    }
    connection.guardChannels();
    connection.waitUntilClose();
  }

  /** The connection's ports by channel, for messages: heartbeat 5000, shell 5001, ... */
  private static String ports(KernelConnectionProperties properties) {
    List<Integer> ports = portsOf(properties);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < CHANNELS.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(CHANNELS.get(i)).append(' ').append(ports.get(i));
    }
    return text.toString();
  }

  private static List<Integer> portsOf(KernelConnectionProperties properties) {
    return List.of(
        properties.getHbPort(),
        properties.getShellPort(),
        properties.getControlPort(),
        properties.getStdinPort(),
        properties.getIopubPort());
  }

  /**
   * Refuses a connection file naming a TCP port another process already listens on, naming the port
   * and its channel, before anything is bound or started (ZeroMQ's bind would fail with a stack
   * trace and leave the process hanging on the threads it started).
   */
  static void checkPortsFree(Path connectionFile, KernelConnectionProperties properties) {
    if (!"tcp".equals(properties.getTransport())) {
      return;
    }
    List<Integer> ports = portsOf(properties);
    for (int i = 0; i < CHANNELS.size(); i++) {
      int port = ports.get(i);
      if (port <= 0) {
        continue; // not named: nothing to check
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true); // as ZeroMQ binds: a port left in TIME_WAIT is free
        socket.bind(new InetSocketAddress(properties.getIp(), port));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            connectionFile
                + ": the "
                + CHANNELS.get(i)
                + " port "
                + port
                + " on "
                + properties.getIp()
                + " is already in use ("
                + e.getMessage()
                + "); the kernel cannot listen there. Start the kernel again, so that Jupyter"
                + " writes a new connection file with free ports.");
      }
    }
  }

  /** Closes what the connection opened, giving up after a second (exit follows). */
  private static void closeQuietly(JupyterConnection connection) {
    Thread closing =
        new Thread(
            () -> {
              try {
                connection.close();
              } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing the connection after a failed bind", e);
              }
            },
            "lens-close-connection");
    closing.setDaemon(true);
    closing.start();
    try {
      closing.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Halts the process {@code millis} after a shutdown request has been answered, unless it has
   * exited by then: a cell that ignored the stop (blocked in a native call, say) must not keep the
   * kernel alive after the notebook was told it shut down.
   */
  private static void haltAfter(long millis) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(millis);
              } catch (InterruptedException e) {
                return;
              }
              LOG.warning(
                  "the kernel had not exited " + millis + " ms after its shutdown; halting");
              Runtime.getRuntime().halt(0);
            },
            "lens-exit-after-shutdown");
    watchdog.setDaemon(true);
    watchdog.start();
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

  /**
   * The history reply as the messaging spec has it: {@code status} "ok" and {@code history} a list
   * of {@code [session, line, input]}, or of {@code [session, line, [input, output]]} when output
   * was asked for, with output null for a cell that had no value. (The base library's HistoryReply
   * leaves the status out, and its Gson writes each entry as an object, not the spec's list: the
   * adapter that would write the list is registered only for reading replies.)
   */
  static final class History implements ContentType<History> {
    @SuppressWarnings("unchecked") // the same message type, for this reply's content class
    private static final MessageType<History> TYPE =
        (MessageType<History>) (MessageType<?>) HistoryReply.MESSAGE_TYPE;

    @SuppressWarnings("unused") // serialised by gson
    private final String status = "ok";

    private final JsonArray history = new JsonArray();

    /** The reply to a history request, from a kernel's history. */
    static History answering(HistoryRequest request, SessionHistory from) {
      return new History(from.answer(request), request.includeOutput());
    }

    private History(List<HistoryEntry> entries, boolean withOutput) {
      for (HistoryEntry entry : entries) {
        JsonArray item = new JsonArray();
        item.add(entry.getSession());
        item.add(entry.getCellNumber());
        if (withOutput) {
          JsonArray inputAndOutput = new JsonArray();
          inputAndOutput.add(entry.getInput());
          inputAndOutput.add(entry.getOutput());
          item.add(inputAndOutput);
        } else {
          item.add(entry.getInput());
        }
        history.add(item);
      }
    }

    @Override
    public MessageType<History> getType() {
      return TYPE;
    }
  }

  /** The connection's properties, signing with a {@link ReplayGuard}. */
  private static final class ReplayGuarded extends KernelConnectionProperties {
    ReplayGuarded(KernelConnectionProperties read) {
      super(
          read.getIp(),
          read.getControlPort(),
          read.getShellPort(),
          read.getStdinPort(),
          read.getHbPort(),
          read.getIopubPort(),
          read.getTransport(),
          read.getSignatureScheme(),
          read.getKey());
    }

    @Override
    public HMACGenerator createHMACGenerator()
        throws InvalidKeyException, NoSuchAlgorithmException {
      if (getKey() == null || getKey().isEmpty()) {
        // unsigned messages (no key): nothing to tell a replay by; Jupyter always sets a key
        return HMACGenerator.NO_AUTH_INSTANCE;
      }
      return new ReplayGuard(getSignatureScheme(), getKey());
    }
  }

  /**
   * A connection whose shell and control loops log and drop a message they cannot read, and whose
   * error messages name the analyst's exception rather than the kernel's wrapper.
   */
  private static final class Guarded extends JupyterConnection {
    private final LensKernel kernel;

    Guarded(KernelConnectionProperties properties, LensKernel kernel)
        throws GeneralSecurityException {
      super(properties);
      this.kernel = kernel;
      pollEvery(shell, "shell");
      pollEvery(control, "control");
      // ZeroMQ's PUB socket silently drops what it cannot queue once 1,000 messages wait for a
      // slow reader (its default send high-water mark): a cell that displays 20,000 values kept
      // about 10,500 of them, and the status that ends the cell was lost with the rest, so a
      // client waited for it until its timeout. No limit: the messages wait in memory instead.
      iopub.setSndHWM(0);
    }

    /**
     * The base library's shell and control loops check their socket and then sleep 50 ms, which
     * adds 25 ms on average to every request (three times IPython's whole round trip for a trivial
     * cell). Measured with ./lens bench-kernel; a 2 ms sleep costs well under 1% of a core while
     * idle. Set before the loops start (connect), by reflection: the sleep is a private field of
     * the base library's ShellChannel.
     */
    private static void pollEvery(ShellChannel channel, String name) {
      try {
        Field field = ShellChannel.class.getDeclaredField("sleep");
        field.setAccessible(true);
        field.setLong(channel, POLL_SLEEP_MS);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.warning("cannot shorten the " + name + " channel's poll interval: " + e);
      }
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
      return new Naming(shell, stdin, iopub, context, kernel);
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

  /**
   * A reply environment that renames a failed cell's error (ename) from the kernel's wrapper class
   * (CellRuntimeException) to the analyst's exception (NoSuchFileException), in the error message
   * on iopub and in the execute reply.
   */
  private static final class Naming extends ShellReplyEnvironment {
    private final LensKernel kernel;

    Naming(
        ShellChannel shell,
        StdinChannel stdin,
        JupyterSocket iopub,
        MessageContext context,
        LensKernel kernel) {
      super(shell, stdin, iopub, context);
      this.kernel = kernel;
    }

    @Override
    public void publish(Message<?> message) {
      super.publish(renamed(message));
    }

    @Override
    public void reply(Message<?> message) {
      super.reply(renamed(message));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Message<?> renamed(Message<?> message) {
      CellException failure = kernel.lastFailure();
      if (failure == null) {
        return message;
      }
      Object content = message.getContent();
      String wrapper = failure.getClass().getSimpleName();
      Object renamed = null;
      if (content instanceof PublishError error && wrapper.equals(error.getErrorName())) {
        renamed = new PublishError(failure.name(), error.getErrorMessage(), error.getStacktrace());
      } else if (content instanceof ErrorReply error && wrapper.equals(error.getErrorName())) {
        ErrorReply reply =
            new ErrorReply(failure.name(), error.getErrorMessage(), error.getStacktrace());
        reply.setExecutionCount(kernel.nextExecutionCount() - 1);
        renamed = reply;
      }
      if (renamed == null) {
        return message;
      }
      return new Message(
          message.getIdentities(),
          message.getHeader(),
          message.getParentHeader(),
          message.getMetadata(),
          renamed,
          message.getBlobs());
    }
  }
}
