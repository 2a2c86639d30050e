/**
 * What every Spark AIR JVM takes from Spark, below the plugin and the datasets: the {@code
 * spark.air.*} settings ({@link io.sparkair.spark.AirSettings}), this JVM's runtime as a Spark task
 * or executor sees it, and the calls that differ between Spark lines ({@code SparkShim}, one source
 * per line).
 */
package io.sparkair.spark;
