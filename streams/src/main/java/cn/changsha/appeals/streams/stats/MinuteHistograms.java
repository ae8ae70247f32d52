package cn.changsha.appeals.streams.stats;

import java.nio.ByteBuffer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Working times in whole minutes, kept per group as an HdrHistogram with three significant
 * digits: exact below 2,048 minutes (almost five working days of seven hours); above that a
 * value is reported as the top of its bucket, at most 1/1024 of it too high (two minutes at 2,048,
 * 16 at 16,384). The plain (uncompressed) encoding is used because the stores are written far
 * more often than they are read.
 */
public final class MinuteHistograms {

  private static final int SIGNIFICANT_DIGITS = 3;

  private MinuteHistograms() {}

  public static Histogram empty() {
    return new Histogram(SIGNIFICANT_DIGITS);
  }

  public static byte[] encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.rewind();
    buffer.get(bytes);
    return bytes;
  }

  public static Histogram decode(byte[] bytes) {
    return Histogram.decodeFromByteBuffer(ByteBuffer.wrap(bytes), 0);
  }

  /**
   * Nearest-rank percentile, as the statistics define it (the median of an even count is the
   * lower middle value); HdrHistogram's own rounds the rank instead. Null when nothing is recorded.
   */
  public static Long percentile(Histogram histogram, int p) {
    long total = histogram.getTotalCount();
    if (total <= 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
    long seen = 0;
    for (HistogramIterationValue v : histogram.recordedValues()) {
      seen += v.getCountAtValueIteratedTo();
      if (seen >= rank) {
        return v.getValueIteratedTo();
      }
    }
    return histogram.getMaxValue();
  }
}
