package cn.changsha.appeals.streams;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh production topology in a TopologyTestDriver for every test. */
abstract class TopologyTestSupport {

  @TempDir Path stateDir;
  TopologyFixture fx;

  @BeforeEach
  void startDriver() {
    fx = new TopologyFixture(stateDir);
  }

  @AfterEach
  void closeDriver() {
    fx.close();
  }
}
