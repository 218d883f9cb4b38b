package org.probationlens.chart;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A tablesaw-jsplot trace with Plotly attributes that its builders cannot set (a hover template,
 * the position of text labels, a bar pattern), added to the trace's JavaScript. The added keys must
 * be ones the trace does not write itself.
 */
final class TraceWith implements Trace {

  private static final Gson GSON = new Gson();

  private final Trace trace;
  private final Map<String, JsonElement> extra;

  private TraceWith(Trace trace, Map<String, JsonElement> extra) {
    this.trace = Objects.requireNonNull(trace, "trace");
    this.extra = extra;
  }

  /** The trace with nothing added yet. */
  static TraceWith of(Trace trace) {
    return new TraceWith(trace, new LinkedHashMap<>());
  }

  /** A copy with one more attribute, its value any object Gson writes as JSON. */
  TraceWith with(String key, Object value) {
    Map<String, JsonElement> m = new LinkedHashMap<>(extra);
    m.put(key, GSON.toJsonTree(value));
    return new TraceWith(trace, m);
  }

  @Override
  public String asJavascript(int i) {
    String js = trace.asJavascript(i);
    int end = js.lastIndexOf('}');
    if (end < 0 || extra.isEmpty()) {
      return js;
    }
    // tablesaw ends its object with a trailing comma ("name: 'x',\n}"): drop it, then add ours
    String head = js.substring(0, end).stripTrailing();
    if (head.endsWith(",")) {
      head = head.substring(0, head.length() - 1);
    }
    StringBuilder b = new StringBuilder(head);
    for (Map.Entry<String, JsonElement> e : extra.entrySet()) {
      b.append(",\n")
          .append(GSON.toJson(e.getKey()))
          .append(": ")
          .append(GSON.toJson(e.getValue()));
    }
    return b.append('\n').append(js.substring(end)).toString();
  }

  @Override
  public String name() {
    return trace.name();
  }

  @Override
  public HoverLabel hoverLabel() {
    return trace.hoverLabel();
  }

  @Override
  public boolean showLegend() {
    return trace.showLegend();
  }
}
