/**
 * The Probation Lens Jupyter kernel: {@link org.probationlens.kernel.LensKernel} answers the
 * Jupyter messaging protocol's requests (execute, complete, inspect, is_complete, history,
 * interrupt, shutdown) and {@link org.probationlens.kernel.KernelConnection} serves it on the
 * connection file's sockets. Its parts follow the protocol's layers, as jupyter-jvm-basekernel's
 * do: {@code messages} (signing and replay protection, the session's history), {@code execution} (a
 * cell split into JShell snippets, run in this JVM, its streams, errors and run record), {@code
 * magic} (the {@code %} commands and timing) and {@code display} (the {@code display()} helper,
 * rendering values and progress bars). These packages are the kernel's machinery: notebooks never
 * import them (only {@code display} and {@code clearOutput} are imported, statically).
 */
package org.probationlens.kernel;
