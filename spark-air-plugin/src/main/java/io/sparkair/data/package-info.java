/**
 * AIR datasets: DataFrames as Arrow blocks held in the executors' object stores, read back as Spark
 * columnar batches where they live.
 */
package io.sparkair.data;
