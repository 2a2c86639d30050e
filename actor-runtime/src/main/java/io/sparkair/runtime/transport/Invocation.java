package io.sparkair.runtime.transport;

/** Markers shared by the transport and the actor host. */
public final class Invocation {
  /** Stands for "this call has no argument". */
  public static final Object NO_ARG = new Object() {
    @Override
    public String toString() {
      return "NO_ARG";
    }
  };

  private Invocation() {}
}
