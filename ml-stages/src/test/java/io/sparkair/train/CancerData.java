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

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** A {@code local[2]} session with the Spark AIR plugin and the breast-cancer rows, split 70/30. */
final class CancerData implements AutoCloseable {
  final SparkSession spark;
  final Air air;
  final AirDataset train;
  final AirDataset valid;

  private CancerData(SparkSession spark, Air air, AirDataset train, AirDataset valid) {
    this.spark = spark;
    this.air = air;
    this.train = train;
    this.valid = valid;
  }

  static CancerData start(String appName) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName(appName)
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    Air air = Air.get(spark);
    String csv = CancerData.class.getResource("/breast_cancer.csv").getPath();
    AirDataset all = air.readCsv(csv, Map.of("header", "true", "inferSchema", "true"));
    AirDataset[] split = all.trainTestSplit(0.3, 42);
    all.close();
    return new CancerData(spark, air, split[0], split[1]);
  }

  @Override
  public void close() {
    train.close();
    valid.close();
    spark.stop();
  }
}
