package io.sparkair.runtime;

import java.util.ArrayList;
import java.util.List;

/** A test actor with state. */
public class Counter {
  private long total;
  private final List<Long> seen = new ArrayList<>();

  public long add(long x) {
    total += x;
    seen.add(x);
    return total;
  }

  public List<Long> seen() {
    return new ArrayList<>(seen);
  }

  public long pid() {
    return ProcessHandle.current().pid();
  }

  public long sleep(long ms) throws InterruptedException {
    Thread.sleep(ms);
    return ms;
  }

  public long fail(String message) {
    throw new IllegalStateException(message);
  }
}
