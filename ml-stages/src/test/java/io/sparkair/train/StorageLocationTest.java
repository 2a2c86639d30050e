/*
 * Copyright 2026 The Spark AIR Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.sparkair.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.runtime.cluster.NodeInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageLocationTest {
  private static final List<NodeInfo> ONE_HOST =
      List.of(
          new NodeInfo("1", "10.0.0.1:4100", 1, 0, 1 << 20, 11),
          new NodeInfo("2", "10.0.0.1:4101", 1, 0, 1 << 20, 12));
  private static final List<NodeInfo> TWO_HOSTS =
      List.of(
          new NodeInfo("1", "10.0.0.1:4100", 1, 0, 1 << 20, 11),
          new NodeInfo("2", "10.0.0.2:4100", 1, 0, 1 << 20, 12));

  @Test
  void aLocalPathOnExecutorsOfSeveralHostsFailsNamingThePathTheHostsAndTheWayOut() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StorageLocation.requireReachable("/tmp/results", TWO_HOSTS, false));
    assertTrue(e.getMessage().contains("/tmp/results"), e.getMessage());
    assertTrue(e.getMessage().contains("[10.0.0.1, 10.0.0.2]"), e.getMessage());
    assertTrue(e.getMessage().contains(StorageLocation.LOCAL_PATH_SHARED), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> StorageLocation.requireReachable("file:///tmp/results", TWO_HOSTS, false));
  }

  @Test
  void sharedFileSystemsOneHostOrADeclaredSharedMountPass() {
    assertDoesNotThrow(
        () -> StorageLocation.requireReachable("hdfs://nn:8020/r", TWO_HOSTS, false));
    assertDoesNotThrow(() -> StorageLocation.requireReachable("s3a://bucket/r", TWO_HOSTS, false));
    assertDoesNotThrow(() -> StorageLocation.requireReachable("/tmp/results", ONE_HOST, false));
    assertDoesNotThrow(() -> StorageLocation.requireReachable("/mnt/nfs/r", TWO_HOSTS, true));
  }
}
