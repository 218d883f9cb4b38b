package org.probationlens.render;

/**
 * A value that knows how to show itself in a notebook, and {@link Renderers#render(Object)} uses it
 * in preference to any other rendering. Analysis results and charts do not implement it: they are
 * data, and {@code render} draws them ({@link Renderers#result}, {@link Renderers#chart}).
 *
 * <p>Implementations usually build their bundle from {@link Renderers#table} and {@link
 * Renderers#figure}, so that tables stay bounded and charts stay offline.
 */
@FunctionalInterface
public interface RichDisplay {

  /**
   * The representations of this value.
   *
   * @return the bundle, with at least plain text, not null
   */
  MimeBundle toMimeBundle();
}
