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
package io.sparkair.plugin;

import io.sparkair.runtime.AirRuntime;
import io.sparkair.runtime.actor.ActorRef;
import io.sparkair.spark.AirSettings;
import io.sparkair.spark.ExecutorCores;
import io.sparkair.spark.ExecutorRuntime;
import java.io.Serializable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of a slot-holding task: it tells the driver which executor it runs on, then keeps its
 * Spark task slot busy until the lease ends, so Spark's scheduler and UI account for the cores the
 * lease's actors use. The driver wakes it on release ({@link SlotHolds}); it also asks every 200
 * ms, which ends the hold when the lease's actors died.
 */
final class HoldSlots extends AbstractFunction1<Iterator<Integer>, Iterator<String>>
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long POLL_MS = 200;

  private final AirSettings settings;
  private final String lease;

  HoldSlots(AirSettings settings, String lease) {
    this.settings = settings;
    this.lease = lease;
  }

  @Override
  public Iterator<String> apply(Iterator<Integer> partition) {
    TaskContext task = TaskContext.get();
    String executor = SparkEnv.get().executorId();
    AirRuntime runtime =
        ExecutorRuntime.ensureStarted(
            settings, executor, ExecutorCores.of(SparkEnv.get().conf()), true);
    ActorRef<SlotLeaseService> slots = runtime.actor(SlotLeaseService.NAME);
    int index = task.partitionId();
    String id = lease;
    SlotHolds.ensureHosted(runtime, executor);
    CountDownLatch released = SlotHolds.watch(id);
    try {
      slots
          .call(
              s -> {
                s.grant(id, index, executor);
                return null;
              })
          .get(30, TimeUnit.SECONDS);
      boolean holding = true;
      while (holding && !task.isInterrupted()) {
        holding =
            !released.await(POLL_MS, TimeUnit.MILLISECONDS)
                && slots.call(s -> s.holding(id)).get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("slot lease " + lease + " lost contact with the driver", e);
    } finally {
      SlotHolds.forget(id);
    }
    return scala.collection.Iterator$.MODULE$.single(executor);
  }
}
