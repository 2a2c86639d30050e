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
package io.sparkair.train.dl;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Synthetic taxi trips with the seed's columns, the same for a given seed: passenger count,
 * distance, fare, duration, pickup hour and weekday, and {@code is_big_tip} (1.0 when the tip
 * exceeded 20% of the fare), which depends on distance, hour, weekday and passengers.
 */
final class TaxiTrips {
  static final String LABEL = "is_big_tip";
  static final List<String> FEATURES =
      List.of(
          "passenger_count",
          "trip_distance",
          "fare_amount",
          "trip_duration",
          "hour",
          "day_of_week");

  private TaxiTrips() {}

  static Dataset<Row> generate(SparkSession spark, int rows, long seed, int partitions) {
    Random random = new Random(seed);
    List<Row> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      double passengers = 1 + random.nextInt(4);
      double distance = Math.min(99, Math.exp(random.nextGaussian() * 0.8 + 0.8));
      double fare = 2.5 + 2.4 * distance + Math.abs(random.nextGaussian()) * 2;
      double duration = 60 + distance * 150 * (0.7 + random.nextDouble() * 0.6);
      double hour = random.nextInt(24);
      double weekday = random.nextInt(7);
      double night = hour >= 20 || hour < 5 ? 1 : 0;
      double score =
          0.12 * distance
              + 1.4 * night
              - 0.45 * (passengers - 1)
              + (weekday >= 5 ? 0.5 : 0)
              - 0.9
              + random.nextGaussian() * 0.6;
      out.add(
          RowFactory.create(
              passengers, distance, fare, duration, hour, weekday, score > 0 ? 1.0 : 0.0));
    }
    StructType schema = new StructType();
    for (String f : FEATURES) {
      schema = schema.add(f, DataTypes.DoubleType, false);
    }
    schema = schema.add(LABEL, DataTypes.DoubleType, false);
    return spark.createDataFrame(out, schema).repartition(partitions);
  }
}
