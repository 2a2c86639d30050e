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
package io.sparkair.examples;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

/**
 * A deterministic stand-in for the NYC taxi-trip tip data of the seed walkthroughs (June 2021 for
 * training, June 2022 for scoring), with the seed's columns: {@code passenger_count}, {@code
 * trip_distance} (miles, log-normal), {@code fare_amount} (dollars, about $2.50 plus $2.40 a mile),
 * {@code trip_duration} (seconds), {@code hour}, {@code day_of_week} and {@code is_big_tip} (a tip
 * over 20%, likelier for long, night, weekend and single-passenger trips). The same year and size
 * always give the same rows.
 */
public final class TaxiTrips {
  /** The label column. */
  public static final String LABEL = "is_big_tip";

  /** The feature columns, in order. */
  public static final List<String> FEATURES =
      List.of(
          "passenger_count",
          "trip_distance",
          "fare_amount",
          "trip_duration",
          "hour",
          "day_of_week");

  private TaxiTrips() {}

  /**
   * Writes {@code rows} trips of {@code year} as Parquet under {@code dir}.
   *
   * @return the Parquet directory
   */
  public static Path write(SparkSession spark, Path dir, int year, long rows) {
    long seed = year * 100L;
    Column distance = least(lit(99.0), exp(randn(seed + 1).multiply(0.8).plus(0.8)));
    Column passengers = floor(rand(seed).multiply(4)).plus(1).cast("double");
    Column hour = floor(rand(seed + 4).multiply(24)).cast("int");
    Column weekday = floor(rand(seed + 5).multiply(7)).cast("int");
    Column night = when(col("hour").geq(20).or(col("hour").lt(5)), 1.4).otherwise(0.0);
    Column weekend = when(col("day_of_week").geq(5), 0.5).otherwise(0.0);
    Column drift = lit(year >= 2022 ? 0.1 : 0.0);
    Path out = dir.resolve("nyc_taxi_" + year + ".parquet");
    spark
        .range(0, rows, 1, 4)
        .select(
            passengers.alias("passenger_count"),
            distance.alias("trip_distance"),
            hour.alias("hour"),
            weekday.alias("day_of_week"),
            col("id"))
        .withColumn(
            "fare_amount",
            col("trip_distance").multiply(2.4).plus(2.5).plus(abs(randn(seed + 2)).multiply(2)))
        .withColumn(
            "trip_duration",
            col("trip_distance")
                .multiply(150)
                .multiply(rand(seed + 3).multiply(0.6).plus(0.7))
                .plus(60)
                .cast("int"))
        .withColumn(
            LABEL,
            col("trip_distance")
                .multiply(0.12)
                .plus(night)
                .plus(weekend)
                .minus(col("passenger_count").minus(1).multiply(0.45))
                .minus(0.9)
                .plus(drift)
                .plus(randn(seed + 6).multiply(0.6))
                .gt(0))
        .select(
            "passenger_count",
            "trip_distance",
            "fare_amount",
            "trip_duration",
            "hour",
            "day_of_week",
            LABEL)
        .write()
        .mode("overwrite")
        .parquet(out.toString());
    return out;
  }
}
