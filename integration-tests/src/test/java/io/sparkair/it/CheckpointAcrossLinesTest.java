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
package io.sparkair.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One checkpoint format and one XGBoost build for every Spark line: the checkpoint each supported
 * line wrote (under {@code checkpoints/<line>}, made by {@link LineCheckpoints}) loads on the line
 * running this test and predicts every row as it did on the line that wrote it. Run on each line,
 * this covers 3.5 to 4.x and back.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CheckpointAcrossLinesTest {
  private static final List<String> LINES = List.of("3.5", "4.0", "4.2");

  @Test
  void everyLinesCheckpointPredictsHereAsOnTheLineThatWroteIt()
      throws IOException, URISyntaxException {
    Path all = Path.of(CheckpointAcrossLinesTest.class.getResource("/checkpoints").toURI());
    SparkSession spark = LineCheckpoints.session();
    try (AirDataset rows = LineCheckpoints.rows(Air.get(spark))) {
      for (String line : LINES) {
        Path dir = all.resolve(line);
        assertTrue(
            Files.readString(dir.resolve(LineCheckpoints.SPARK_VERSION)).startsWith(line + "."),
            "the checkpoint under " + dir + " was written on Spark " + line);
        List<Double> expected =
            Files.readAllLines(dir.resolve(LineCheckpoints.PREDICTIONS)).stream()
                .map(Double::valueOf)
                .toList();
        Checkpoint checkpoint =
            Checkpoint.fromDirectory(dir.resolve(LineCheckpoints.CHECKPOINT).toString());
        List<Double> actual = LineCheckpoints.predict(checkpoint, rows);
        assertEquals(569, expected.size());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(
              expected.get(i),
              actual.get(i),
              1e-7,
              "row " + i + " of the checkpoint written on Spark " + line);
        }
      }
    } finally {
      spark.stop();
    }
  }
}
