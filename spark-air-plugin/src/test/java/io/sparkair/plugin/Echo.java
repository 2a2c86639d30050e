package io.sparkair.plugin;

/** A test actor. */
public class Echo {
  private final int rank;
  private int calls;

  public Echo(int rank) {
    this.rank = rank;
  }

  public String hello(String who) {
    calls++;
    return "hello " + who + " from rank " + rank + " (call " + calls + ")";
  }

  public long pid() {
    return ProcessHandle.current().pid();
  }
}
