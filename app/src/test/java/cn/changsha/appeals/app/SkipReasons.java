package cn.changsha.appeals.app;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says in the build log why a test did not run: Surefire and Failsafe count skipped tests on the
 * console but keep JUnit's reason only in their XML reports. A test skipped by a condition (e.g.
 * {@code ClusterIT} without a Docker engine) or stopped by an assumption (the browser tests without
 * Chromium) prints one line with the reason. Registered through {@code META-INF/services}.
 */
public class SkipReasons implements TestExecutionListener {

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    System.out.println("Skipped " + name(test) + ": " + reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      System.out.println("Skipped " + name(test) + ": "
          + result.getThrowable().map(Throwable::getMessage).orElse("an assumption did not hold"));
    }
  }

  private static String name(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    if (source instanceof MethodSource method) {
      return method.getClassName().substring(method.getClassName().lastIndexOf('.') + 1) + "." + method.getMethodName();
    }
    if (source instanceof ClassSource type) {
      return type.getClassName().substring(type.getClassName().lastIndexOf('.') + 1);
    }
    return test.getDisplayName();
  }
}
