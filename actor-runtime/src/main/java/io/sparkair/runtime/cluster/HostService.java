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
package io.sparkair.runtime.cluster;

import io.sparkair.runtime.actor.ActorFactory;
import io.sparkair.runtime.actor.ActorHost;
import io.sparkair.runtime.store.BlockFetcher;
import io.sparkair.runtime.store.BlockId;
import io.sparkair.runtime.store.ObjectStore;
import io.sparkair.runtime.transport.JavaSerializer;

/**
 * The system actor every runtime hosts under id {@link #ID}: it creates and stops the node's actors
 * on the head's behalf, and releases the node's blocks for datasets that close.
 */
public final class HostService {
  /** The well-known actor id of every runtime's host service. */
  public static final long ID = 0;

  private final String nodeId;
  private final ActorHost host;
  private final JavaSerializer java;
  private final ObjectStore store;
  private final BlockFetcher fetcher;

  /**
   * @param nodeId this node's id
   * @param host the node's actors
   * @param java deserializes actor factories with the node's class loader
   * @param store the node's object store
   * @param fetcher reads other nodes' blocks into this node's store
   */
  public HostService(
      String nodeId, ActorHost host, JavaSerializer java, ObjectStore store, BlockFetcher fetcher) {
    this.nodeId = nodeId;
    this.host = host;
    this.java = java;
    this.store = store;
    this.fetcher = fetcher;
  }

  /**
   * Copies a block from another node's store into this node's, with one reference: a block moving
   * off a node that is going away.
   *
   * @param address the runtime address of the node that holds the block
   * @param id the block
   * @return the copy's id, owned by this node
   * @throws io.sparkair.runtime.store.BlockNotFoundException if that node no longer holds it
   */
  public BlockId copyFrom(String address, BlockId id) {
    return fetcher.copyToLocal(address, id);
  }

  /**
   * Adds one reference to each block, for a dataset that shares them.
   *
   * @throws io.sparkair.runtime.store.BlockNotFoundException if a block was already freed
   */
  public void retain(java.util.List<BlockId> blocks) {
    for (BlockId id : blocks) {
      store.retain(id);
    }
  }

  /** Drops one reference to each block; blocks this node does not hold are ignored. */
  public void release(java.util.List<BlockId> blocks) {
    for (BlockId id : blocks) {
      store.release(id);
    }
  }

  /** Creates an actor from its serialized factory and starts hosting it. */
  public void spawn(long id, String description, byte[] factory) throws Exception {
    ActorFactory<?> f = (ActorFactory<?>) java.deserialize(factory);
    Object instance = f.create();
    if (instance == null) {
      throw new IllegalArgumentException("the factory of actor " + description + " returned null");
    }
    host.host(id, description, instance);
  }

  /** Stops a hosted actor. */
  public boolean kill(long id, String reason) {
    return host.kill(id, reason);
  }

  /** Answers with this node's id; used to check that the node is alive. */
  public String ping() {
    return nodeId;
  }

  /** This JVM's process id. */
  public long pid() {
    return ProcessHandle.current().pid();
  }
}
