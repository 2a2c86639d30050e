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
package io.sparkair.notebook;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.sparkair.train.ProgressOutput;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Training and tuning progress in the running cell: each run or experiment gets one output area,
 * made by its first update and replaced in place by the next ones (Jupyter's display ids), instead
 * of a line per round.
 */
final class CellProgress implements ProgressOutput {
  private final BaseKernel kernel;
  private final Map<String, String> displays = new ConcurrentHashMap<>();

  CellProgress(BaseKernel kernel) {
    this.kernel = kernel;
  }

  /** A new cell starts: its runs get output areas of their own. */
  void newCell() {
    displays.clear();
  }

  @Override
  public synchronized void show(String key, String text) {
    DisplayData data = new DisplayData(text);
    data.putHTML("<pre class=\"spark-air-progress\">" + Displays.escape(text) + "</pre>");
    String id = displays.get(key);
    if (id == null) {
      id = "spark-air-progress-" + UUID.randomUUID();
      displays.put(key, id);
      data.setDisplayId(id);
      kernel.display(data);
    } else {
      kernel.getIO().display.updateDisplay(id, data);
    }
  }
}
