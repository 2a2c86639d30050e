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

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the seed programs as a user would, on an embedded {@code local[2]} Spark. Each program
 * checks its own results and throws when they are wrong; these tests also check what it prints.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExamplesTest {
  /** Runs {@code main} and returns what it printed. */
  private static String run(ThrowingMain main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    original.print(printed);
    return printed;
  }

  @FunctionalInterface
  private interface ThrowingMain {
    void run() throws Exception;
  }

  @Test
  void theBreastCancerWalkthroughRunsFromDataToAServedModel() throws Exception {
    String printed = run(() -> BreastCancer.main(new String[0]));
    assertTrue(printed.contains("trainer metrics\n  train-logloss"), printed);
    assertTrue(printed.contains("trial_00001  TERMINATED"), printed);
    assertTrue(printed.contains("best trial: {params={max_depth="), printed);
    assertTrue(printed.contains("report.html"), printed);
    assertTrue(printed.contains("the service answered: 200 [{\"prediction\""), printed);
  }

  @Test
  void tuningOverPreprocessorsAndWorkersRunsEveryGridPoint() throws Exception {
    String printed = run(() -> TunePreprocessorsAndWorkers.main(new String[0]));
    assertTrue(printed.contains("best: {"), printed);
    assertTrue(printed.contains("StandardScaler") || printed.contains("MinMaxScaler"), printed);
  }

  @Test
  void aSparkMlPipelineIsFittedSavedLoadedAndUsed() throws Exception {
    String printed = run(() -> SparkMlPipeline.main(new String[0]));
    assertTrue(printed.contains("held-out accuracy"), printed);
  }

  @Test
  void theTaxiTipWalkthroughRunsOnGeneratedTripsInQuickMode() throws Exception {
    String printed = run(() -> TaxiTip.main(new String[] {"local[2]", "20000"}));
    assertTrue(printed.contains("2022: "), printed);
    assertTrue(printed.contains("it answered 200 [{\"prediction\""), printed);
  }

  @Test
  void theFarePredictorTrainsOnGeneratedTripsInQuickMode() throws Exception {
    String printed = run(() -> TaxiFare.main(new String[] {"local[2]", "8000"}));
    assertTrue(printed.contains("epoch 2: loss"), printed);
    assertTrue(printed.contains("2022 accuracy"), printed);
  }
}
