package org.probationlens.kernel.messages;

import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The connection's message signer, which also refuses a signature it has already computed: a
 * validly signed message sent again verbatim (a replay) must not run a cell twice. jupyter_client
 * does the same with its digest history. Every message the kernel signs or checks has a header with
 * a fresh message id, so two equal signatures mean the same message bytes arrived twice.
 *
 * <p>The base library checks a received message by comparing the signature it computes here with
 * the one received; for a repeat this returns a value that cannot match, so the message is dropped
 * as badly signed by the channel's guard, and the repeat is logged.
 */
public final class ReplayGuard extends HMACGenerator {
  private static final Logger LOG = Logger.getLogger(ReplayGuard.class.getName());

  /** How many recent signatures are kept (jupyter_client keeps 2^16). */
  static final int REMEMBERED = 1 << 16;

  private final Map<String, Boolean> recent =
      new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  public ReplayGuard(String algorithm, String key)
      throws NoSuchAlgorithmException, InvalidKeyException {
    super(algorithm, key);
  }

  @Override
  public synchronized String calculateSignature(byte[]... messageParts) {
    String signature = super.calculateSignature(messageParts);
    if (recent.putIfAbsent(signature, Boolean.TRUE) != null) {
      LOG.warning(
          "dropped a replayed message: its signature "
              + signature.substring(0, Math.min(16, signature.length()))
              + "... was seen before");
      return "replayed:" + signature;
    }
    return signature;
  }
}
