package io.sparkair.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.runtime.cluster.NodeInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageLocationTest {
  private static final List<NodeInfo> ONE_HOST = List.of(
      new NodeInfo("1", "10.0.0.1:4100", 1, 0, 1 << 20, 11),
      new NodeInfo("2", "10.0.0.1:4101", 1, 0, 1 << 20, 12));
  private static final List<NodeInfo> TWO_HOSTS = List.of(
      new NodeInfo("1", "10.0.0.1:4100", 1, 0, 1 << 20, 11),
      new NodeInfo("2", "10.0.0.2:4100", 1, 0, 1 << 20, 12));

  @Test
  void aLocalPathOnExecutorsOfSeveralHostsFailsNamingThePathTheHostsAndTheWayOut() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StorageLocation.requireReachable("/tmp/results", TWO_HOSTS, false));
    assertTrue(e.getMessage().contains("/tmp/results"), e.getMessage());
    assertTrue(e.getMessage().contains("[10.0.0.1, 10.0.0.2]"), e.getMessage());
    assertTrue(e.getMessage().contains(StorageLocation.LOCAL_PATH_SHARED), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> StorageLocation.requireReachable("file:///tmp/results", TWO_HOSTS, false));
  }

  @Test
  void sharedFileSystemsOneHostOrADeclaredSharedMountPass() {
    assertDoesNotThrow(() -> StorageLocation.requireReachable("hdfs://nn:8020/r", TWO_HOSTS,
        false));
    assertDoesNotThrow(() -> StorageLocation.requireReachable("s3a://bucket/r", TWO_HOSTS,
        false));
    assertDoesNotThrow(() -> StorageLocation.requireReachable("/tmp/results", ONE_HOST, false));
    assertDoesNotThrow(() -> StorageLocation.requireReachable("/mnt/nfs/r", TWO_HOSTS, true));
  }
}
