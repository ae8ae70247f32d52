package cn.changsha.appeals.app.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The in-process broker on its own, in a JVM of its own: for running several instances of the
 * tracker against one broker on one machine, and for fault tests that stop the broker while the
 * tracker runs. Not for production; a cluster is.
 *
 * <pre>java -cp app/target/appeal-tracker.jar -Dloader.main=cn.changsha.appeals.app.broker.StandaloneBroker \
 *     org.springframework.boot.loader.launch.PropertiesLauncher DATA_DIR [PORT [CONTROLLER_PORT]]</pre>
 */
public final class StandaloneBroker {

  private StandaloneBroker() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: StandaloneBroker DATA_DIR [PORT [CONTROLLER_PORT]]");
      System.exit(2);
    }
    // No Spring here to read application.yml: keep the broker's own chatter out of the console.
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger(InProcessKafkaBroker.class)).setLevel(Level.INFO);
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
    int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
    InProcessKafkaBroker broker = new InProcessKafkaBroker(Path.of(args[0]), port, controllerPort).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.close();
      stopped.countDown();
    }, "broker-shutdown"));
    stopped.await();
  }
}
