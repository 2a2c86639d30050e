package io.sparkair.data;

import io.sparkair.spark.AirSettings;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One block as a Spark input partition, preferring the executor that holds it.
 *
 * @param block the block to read
 * @param settings the application's settings, to reach the runtime in the reading JVM
 */
record BlockPartition(BlockRef block, AirSettings settings) implements InputPartition {
  @Override
  public String[] preferredLocations() {
    return new String[] {block.preferredLocation()};
  }
}
