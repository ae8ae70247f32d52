package cn.changsha.appeals.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WholeScansTest {

  @Test
  void refusesTheScanBeyondTheLimitAndTakesOneAgainOnceAPlaceIsFree() throws Exception {
    WholeScans scans = new WholeScans(2);
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = pool.submit(() -> scans.run(() -> hold(running, finish)));
      Future<String> second = pool.submit(() -> scans.run(() -> hold(running, finish)));
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> scans.run(() -> "third")).isInstanceOf(WholeScans.Busy.class)
          .hasMessageContaining("503");

      finish.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done");
      assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("done");
      assertThat(scans.run(() -> "after")).isEqualTo("after");
      assertThatThrownBy(() -> scans.run(() -> {
        throw new IllegalStateException("a scan that fails");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(scans.run(() -> "a failed scan gave its place back")).isNotNull();
      assertThat(scans.run(() -> "and so did every other")).isNotNull();
    } finally {
      pool.shutdownNow();
    }
  }

  private static String hold(CountDownLatch running, CountDownLatch finish) {
    running.countDown();
    try {
      finish.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "done";
  }
}
