package org.probationlens.render;

import java.util.Objects;
import org.probationlens.progress.Progress;
import org.probationlens.progress.ProgressReporter;
import org.probationlens.stats.DisclosurePolicy;

/**
 * The state of one working session over probation data: the disclosure-control policy applied to
 * counts from case-level records and whether synthetic results are protected too, who is shown the
 * progress of long work, and where {@code display(...)} sends a value before a cell ends. All of it
 * lives in this object, never in static fields: the notebook kernel owns one for its session, and a
 * test or the command line makes its own.
 *
 * <p>Notebooks and library code reach the session through static entry points that keep their cell
 * code short ({@link Disclosure#onForSynthetic(boolean)}, {@link Disclosure#sessionPolicy}, {@link
 * Progress#start}, the kernel's {@code display}): each delegates to the session in use, set by
 * {@link #use(LensSession)}. That pointer is the one static; until a session is put in use, a
 * default one (default policy, no progress listener, display to standard output) serves.
 *
 * <p>Mutable and safe to share between threads (a cell's thread and the kernel's).
 */
public final class LensSession {

  /**
   * Where a session shows a value before a cell ends, and clears what a cell has shown: the
   * notebook kernel's output. A session without one prints values to standard output.
   */
  public interface Output {

    /**
     * Shows a value in the running cell's output, as a cell's last expression would be shown.
     *
     * @param value what to show; may be null
     */
    void show(Object value);

    /**
     * Clears what the running cell has shown so far.
     *
     * @param wait true to clear only when the next output arrives (no flicker)
     */
    void clearOutput(boolean wait);
  }

  private static volatile LensSession inUse = new LensSession(Progress.reporter());

  private final ProgressReporter progress;
  private volatile DisclosurePolicy disclosurePolicy = DisclosurePolicy.withDefaults();
  private volatile boolean protectSynthetic;
  private volatile boolean disclosurePolicyChosen;
  private volatile boolean officialSensitiveSeen;
  private volatile Output output;

  /**
   * A new session: the default disclosure policy ({@link DisclosurePolicy#withDefaults()}),
   * synthetic results not protected, no progress listener, values displayed to standard output.
   */
  public LensSession() {
    this(new ProgressReporter());
  }

  private LensSession(ProgressReporter progress) {
    this.progress = progress;
  }

  /**
   * The session the static entry points delegate to.
   *
   * @return the session in use, not null
   */
  public static LensSession current() {
    return inUse;
  }

  /**
   * Puts a session in use: from now on the static entry points (disclosure settings, progress,
   * display) delegate to it. The kernel does this when it starts; a test may do it and put the
   * previous session back after.
   *
   * @param session the session, not null
   * @return the session that was in use before, not null
   */
  public static LensSession use(LensSession session) {
    Objects.requireNonNull(session, "session");
    LensSession before = inUse;
    inUse = session;
    Progress.use(session.progress);
    return before;
  }

  /**
   * The policy applied to a result's counts when disclosure control applies without a policy of its
   * own.
   *
   * @return the policy, {@link DisclosurePolicy#withDefaults()} unless changed; not null
   */
  public DisclosurePolicy disclosurePolicy() {
    return disclosurePolicy;
  }

  /**
   * Sets the policy used whenever disclosure control applies without a policy of its own, for the
   * rest of this session.
   *
   * @param policy the policy, not null
   */
  public void disclosurePolicy(DisclosurePolicy policy) {
    disclosurePolicy = Objects.requireNonNull(policy, "policy");
    disclosurePolicyChosen = true;
  }

  /**
   * Whether results built on synthetic cases are protected by default in this session.
   *
   * @return true after {@code protectSynthetic(true)}
   */
  public boolean protectSynthetic() {
    return protectSynthetic;
  }

  /**
   * Turns disclosure control on (or back off) for results built on synthetic cases, for the rest of
   * this session: synthetic data identify nobody, but this shows what a table of real records would
   * look like.
   *
   * @param on whether synthetic results are protected by default
   */
  public void protectSynthetic(boolean on) {
    protectSynthetic = on;
  }

  /**
   * Whether the user chose a suppression policy for the session ({@link
   * #disclosurePolicy(DisclosurePolicy)}); until then disclosure control at drawing time uses the
   * cell key method.
   *
   * @return true once a policy was set, until {@link #resetDisclosure()}
   */
  public boolean disclosurePolicyChosen() {
    return disclosurePolicyChosen;
  }

  /**
   * Records that an output built on official-sensitive records was drawn in this session: from then
   * on a bare table (one that carries no provenance) is drawn under disclosure control too, since
   * it may have been cut from the same records. {@link #resetDisclosure()} does not undo it.
   *
   * @param seen true to record it; false changes nothing (the record is never taken back)
   */
  public void officialSensitiveSeen(boolean seen) {
    if (seen) {
      officialSensitiveSeen = true;
    }
  }

  /**
   * Makes this session hear of every official-sensitive dataset loaded from now on ({@link
   * org.probationlens.provenance.OfficialSensitiveLoads}), as if an output built on it had been
   * drawn: from the first such load, bare tables are drawn under disclosure control. The Jupyter
   * kernel calls it for its session; one session listens at a time.
   */
  public void watchOfficialSensitiveLoads() {
    org.probationlens.provenance.OfficialSensitiveLoads.listen(() -> officialSensitiveSeen(true));
  }

  /**
   * Whether an output built on official-sensitive records has been drawn in this session, or such
   * records loaded while it watched ({@link #watchOfficialSensitiveLoads()}).
   *
   * @return true from the first such output on
   */
  public boolean officialSensitiveSeen() {
    return officialSensitiveSeen;
  }

  /** Puts disclosure control back to its defaults: the default policy, synthetic not protected. */
  public void resetDisclosure() {
    disclosurePolicy = DisclosurePolicy.withDefaults();
    disclosurePolicyChosen = false;
    protectSynthetic = false;
  }

  /**
   * Who is shown this session's progress of long work, and the numbering of its tasks.
   *
   * @return the reporter, not null
   */
  public ProgressReporter progress() {
    return progress;
  }

  /**
   * Sends this session's displayed values to {@code to} (the kernel's cell output); null to print
   * them to standard output instead.
   *
   * @param to the output, or null
   */
  public void displayTo(Output to) {
    output = to;
  }

  /**
   * Shows a value before the cell ends, the way a cell's last expression would be shown; with no
   * output (outside a kernel), prints it to standard output.
   *
   * @param value what to show; may be null, shown as {@code null}
   */
  public void display(Object value) {
    Output to = output;
    if (to == null) {
      System.out.println(value);
    } else {
      to.show(value);
    }
  }

  /**
   * Clears what the running cell has shown so far; with no output, does nothing.
   *
   * @param wait true to clear only when the next output arrives
   */
  public void clearOutput(boolean wait) {
    Output to = output;
    if (to != null) {
      to.clearOutput(wait);
    }
  }
}
