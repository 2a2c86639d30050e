package io.sparkair.ml;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/** The local disk under the scheme {@code mock:}, standing in for a remote Hadoop FileSystem. */
public final class MockSchemeFileSystem extends RawLocalFileSystem {
  @Override
  public URI getUri() {
    return URI.create("mock:///");
  }

  @Override
  public String getScheme() {
    return "mock";
  }
}
