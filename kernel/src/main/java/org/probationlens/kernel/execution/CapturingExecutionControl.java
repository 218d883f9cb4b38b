package org.probationlens.kernel.execution;

import java.lang.reflect.Field;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in the kernel's own JVM (JShell local execution) and keeps the object behind the
 * last variable read, so a cell's result can be rendered as a table or chart rather than only as
 * the string JShell computes.
 */
public final class CapturingExecutionControl extends LocalExecutionControl {
  private volatile Object captured;

  /** The object behind the most recent {@code JShell.varValue} call. */
  Object captured() {
    return captured;
  }

  @Override
  public String varValue(String className, String varName)
      throws RunException, EngineTerminationException, InternalException {
    try {
      Class<?> wrapper = findClass(className);
      Field field = wrapper.getDeclaredField(varName);
      field.setAccessible(true);
      captured = field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new InternalException(
          "cannot read variable " + varName + " of snippet class " + className + ": " + e);
    }
    return valueString(captured);
  }

  /** The provider JShell asks for its execution engine; remembers the control it made. */
  static final class Provider implements ExecutionControlProvider {
    private volatile CapturingExecutionControl control;

    @Override
    public String name() {
      return "lens-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      control = new CapturingExecutionControl();
      return control;
    }

    CapturingExecutionControl control() {
      return control;
    }
  }
}
