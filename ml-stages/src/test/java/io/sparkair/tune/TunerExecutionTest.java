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
package io.sparkair.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkair.data.AirDataset;
import io.sparkair.plugin.Air;
import io.sparkair.plugin.AirPlugin;
import io.sparkair.train.DataParallelTrainer;
import io.sparkair.train.FailureConfig;
import io.sparkair.train.RunConfig;
import io.sparkair.train.ScalingConfig;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tuner's execution with a toy loop: restore after the driver process is killed, trial retries
 * from checkpoints, trials of different sizes sharing the slots, and the HTML report as headless
 * Chromium renders it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TunerExecutionTest {
  private static SparkSession spark;
  private static AirDataset data;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[4]")
            .appName("tuner-restore-test")
            .config("spark.ui.enabled", "false")
            .config("spark.plugins", AirPlugin.class.getName())
            .getOrCreate();
    data = Air.get(spark).range(100);
  }

  @AfterAll
  static void stop() {
    data.close();
    spark.stop();
  }

  /** One line of the toy loop's log: a start or an end of a trial attempt. */
  private static final class LogLine {
    final boolean end;
    final double x;
    final int firstIteration;
    final int workers;
    final long millis;

    LogLine(String line) {
      String[] f = line.split(" ");
      end = f[0].equals("end");
      x = Double.parseDouble(end ? f[1] : f[0]);
      firstIteration = end ? 0 : Integer.parseInt(f[1]);
      workers = Integer.parseInt(f[2]);
      millis = Long.parseLong(f[3]);
    }
  }

  private static List<LogLine> log(Path file) throws Exception {
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file).stream()
        .filter(l -> !l.isBlank())
        .map(LogLine::new)
        .collect(Collectors.toList());
  }

  @Test
  void restoreContinuesAnExperimentWhoseDriverWasKilled(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("starts.log");
    Path experiment = dir.resolve(InterruptedExperimentMain.NAME);
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(
                a ->
                    a.startsWith("--add-opens")
                        || a.startsWith("-Djdk.reflect")
                        || a.startsWith("-XX:+IgnoreUnrecognized"))
            .collect(Collectors.toList()));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            InterruptedExperimentMain.class.getName(),
            dir.toString(),
            log.toString()));
    Process driver =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("driver.out").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(log(log).stream().filter(l -> l.end).count() == 2
          && Files.isDirectory(experiment.resolve("trial_00002/checkpoint_000002")))) {
        assertTrue(driver.isAlive(), () -> "the driver ended early: " + output(dir));
        assertTrue(System.nanoTime() < deadline, () -> "no progress: " + output(dir));
        Thread.sleep(50);
      }
    } finally {
      driver.destroyForcibly().waitFor();
    }
    List<LogLine> before = log(log);
    assertTrue(Tuner.canRestore(experiment.toString()));
    assertFalse(Tuner.canRestore(dir.toString()));
    IllegalArgumentException nothing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Tuner.restore(
                    dir.toString(),
                    InterruptedExperimentMain.trainer(data, ""),
                    InterruptedExperimentMain.paramSpace(),
                    InterruptedExperimentMain.tuneConfig()));
    assertTrue(nothing.getMessage().contains("no experiment to restore"), nothing.getMessage());

    ResultGrid grid =
        Tuner.restore(
                experiment.toString(),
                InterruptedExperimentMain.trainer(data, log.toString()),
                InterruptedExperimentMain.paramSpace(),
                InterruptedExperimentMain.tuneConfig())
            .fit();

    assertEquals(6, grid.size(), "the searcher went on to its 6 trials, no more");
    assertEquals(0, grid.numErrors(), grid.errors().toString());
    List<Double> xs = new ArrayList<>();
    for (TrialResult trial : grid) {
      assertEquals(
          6, ((Number) trial.metrics().get("training_iteration")).intValue(), trial.trialId());
      List<Integer> iterations =
          trial.result().metricsHistory().stream()
              .map(m -> ((Number) m.get("training_iteration")).intValue())
              .collect(Collectors.toList());
      assertEquals(List.of(1, 2, 3, 4, 5, 6), iterations, trial.trialId() + " keeps one log");
      xs.add(((Number) ((Map<?, ?>) trial.config().get("trainLoopConfig")).get("x")).doubleValue());
    }
    assertEquals(
        6,
        new HashSet<>(xs).size(),
        "the restored searcher does not repeat its " + "suggestions: " + xs);
    List<LogLine> after = log(log);
    for (int t = 0; t < 2; t++) {
      double x = xs.get(t);
      assertEquals(
          1,
          after.stream().filter(l -> !l.end && l.x == x).count(),
          "finished trial " + t + " was not run again");
    }
    double running = xs.get(2);
    List<LogLine> starts =
        after.stream().filter(l -> !l.end && l.x == running).collect(Collectors.toList());
    assertEquals(2, starts.size(), "the running trial started once more");
    assertTrue(
        starts.get(1).firstIteration >= 3,
        "it resumed from its checkpoint at " + "iteration " + (starts.get(1).firstIteration - 1));
    assertTrue(before.size() < after.size());
    String state = Files.readString(experiment.resolve("experiment_state.json"));
    assertEquals(6, state.split("\"TERMINATED\"").length - 1, state);
    assertTrue(Files.isRegularFile(experiment.resolve("report.html")));
  }

  private static String output(Path dir) {
    try {
      return Files.readString(dir.resolve("driver.out"));
    } catch (Exception e) {
      return e.toString();
    }
  }

  @Test
  void aFailingTrialIsRetriedFromItsCheckpointAndOneThatAlwaysFailsIsReported(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("starts.log");
    DataParallelTrainer trainer =
        new DataParallelTrainer(new ToyLoop())
            .setScalingConfig(ScalingConfig.of(1))
            .setDataset("train", data)
            .setTrainLoopConfig(Map.of("iterations", 5, "log", log.toString()));
    ResultGrid grid =
        new Tuner(
                trainer,
                Map.of(
                    "trainLoopConfig",
                    Tune.gridSearch(
                        Map.of("x", 1.0, "failOnceAt", 3),
                        Map.of("x", 2.0, "alwaysFail", true),
                        Map.of("x", 3.0))),
                new TuneConfig().setMetric("score", "max"),
                new RunConfig()
                    .setName("retries")
                    .setStoragePath(dir.toString())
                    .setVerbose(0)
                    .setFailureConfig(FailureConfig.of(1)))
            .fit();

    assertEquals(3, grid.size());
    assertEquals(1, grid.numErrors());
    TrialResult retried = grid.get(0);
    assertNull(retried.error());
    List<Map<String, Object>> history = retried.result().metricsHistory();
    assertEquals(
        List.of(1, 2, 3, 4, 5),
        history.stream()
            .map(m -> ((Number) m.get("training_iteration")).intValue())
            .collect(Collectors.toList()));
    assertEquals(0, ((Number) history.get(1).get("attempt")).intValue());
    assertEquals(1, ((Number) history.get(2).get("attempt")).intValue());
    List<LogLine> starts =
        log(log).stream().filter(l -> !l.end && l.x == 1.0).collect(Collectors.toList());
    assertEquals(
        List.of(1, 3),
        starts.stream().map(l -> l.firstIteration).collect(Collectors.toList()),
        "the retry resumed from the checkpoint of iteration 2");

    TrialResult failed = grid.get(1);
    assertTrue(failed.error().getMessage().contains("failed 2 time(s)"), failed.error().toString());
    assertEquals(
        2,
        log(log).stream().filter(l -> !l.end && l.x == 2.0).count(),
        "tried once and retried once");
    assertEquals(3.0, ((Map<?, ?>) grid.getBestResult().config().get("trainLoopConfig")).get("x"));
    assertEquals(15.0, grid.getBestResult().metrics().get("score"));
  }

  @Test
  void reusedActorsStartOneWorkerGroupPerConcurrentTrialNotPerTrial(@TempDir Path dir)
      throws Exception {
    AtomicInteger groupJobs = new AtomicInteger();
    SparkListener counter =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart job) {
            String group = job.properties().getProperty("spark.jobGroup.id", "");
            if (group.startsWith("spark-air-")) {
              groupJobs.incrementAndGet();
            }
          }
        };
    spark.sparkContext().addSparkListener(counter);
    try {
      DataParallelTrainer trainer =
          new DataParallelTrainer(new ToyLoop())
              .setScalingConfig(ScalingConfig.of(1))
              .setDataset("train", data)
              .setTrainLoopConfig(Map.of("iterations", 3, "sleepMs", 20));
      ResultGrid grid =
          new Tuner(
                  trainer,
                  Map.of("trainLoopConfig", Map.of("x", Tune.uniform(0, 1))),
                  new TuneConfig().setMetric("score", "max").setNumSamples(9).setReuseActors(true),
                  new RunConfig().setName("reuse").setStoragePath(dir.toString()).setVerbose(0))
              .fit();
      assertEquals(9, grid.size());
      assertEquals(0, grid.numErrors(), grid.errors().toString());
      for (TrialResult trial : grid) {
        double x =
            ((Number) ((Map<?, ?>) trial.config().get("trainLoopConfig")).get("x")).doubleValue();
        assertEquals(
            3 * x,
            (Double) trial.metrics().get("score"),
            1e-12,
            "each trial ran its " + "own configuration on the reused workers");
      }
      int jobs = -1;
      while (jobs != groupJobs.get()) {
        jobs = groupJobs.get();
        Thread.sleep(300);
      }
      assertTrue(
          jobs >= 1 && jobs <= 3,
          "at most one worker group per concurrent trial "
              + "(3 on the 3 slots left after the reserve), not one per trial: "
              + jobs);
      assertEquals(0, Air.get(spark).heldSlots(), "the idle groups were stopped at the end");
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }

  @Test
  void anExperimentWhoseSpaceHoldsCodeIsSavedAndRestoredOnlyWithItsOwnSpace(@TempDir Path dir)
      throws Exception {
    Object notSerializable = new Object();
    int salt = notSerializable.hashCode() % 2;
    DataParallelTrainer trainer =
        new DataParallelTrainer(new ToyLoop())
            .setScalingConfig(ScalingConfig.of(1))
            .setDataset("train", data);
    Map<String, ?> space =
        Map.of(
            "trainLoopConfig",
            Map.of(
                "x", Tune.sampleFrom(spec -> notSerializable.hashCode() % 2 + 1.0),
                "y", Tune.gridSearch(List.of(1, 2))));
    ResultGrid grid =
        new Tuner(
                trainer,
                space,
                new TuneConfig().setMetric("score", "max"),
                new RunConfig().setName("functions").setStoragePath(dir.toString()).setVerbose(0))
            .fit();
    assertEquals(0, grid.numErrors(), grid.errors().toString());
    String path = dir.resolve("functions").toString();
    assertTrue(Tuner.canRestore(path), "a search space holding functions is saved too");
    String saved = Files.readString(dir.resolve("functions").resolve("tuner.json"));
    assertTrue(saved.contains("\"event\" : \"complete\""), saved);

    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Tuner.restore(
                    path,
                    trainer,
                    Map.of("trainLoopConfig", Map.of("x", Tune.gridSearch(List.of(7.0, 8.0)))),
                    new TuneConfig().setMetric("score", "max")));
    assertTrue(other.getMessage().contains("trial_00000"), other.getMessage());
    IllegalArgumentException old =
        assertThrows(IllegalArgumentException.class, () -> Tuner.restore(path, trainer));
    assertTrue(old.getMessage().contains("give its search space"), old.getMessage());

    ResultGrid again =
        Tuner.restore(path, trainer, space, new TuneConfig().setMetric("score", "max")).fit();
    assertEquals(2, again.size(), "the finished experiment runs no trial again");
    assertEquals(
        grid.getBestResult().metrics().get("score"), again.getBestResult().metrics().get("score"));
    assertEquals(
        salt + 1.0,
        ((Number) ((Map<?, ?>) again.getBestResult().config().get("trainLoopConfig")).get("x"))
            .doubleValue());
  }

  @Test
  void theTimeLimitStopsRunningTrialsAndStartsNoMore(@TempDir Path dir) {
    DataParallelTrainer trainer =
        new DataParallelTrainer(new ToyLoop())
            .setScalingConfig(ScalingConfig.of(1))
            .setDataset("train", data)
            .setTrainLoopConfig(Map.of("iterations", 100, "sleepMs", 100));
    long start = System.nanoTime();
    ResultGrid grid =
        new Tuner(
                trainer,
                Map.of("trainLoopConfig", Map.of("x", Tune.uniform(0, 1))),
                new TuneConfig()
                    .setMetric("score", "max")
                    .setNumSamples(10)
                    .setTimeLimit(Duration.ofSeconds(3)),
                new RunConfig().setName("limited").setStoragePath(dir.toString()).setVerbose(0))
            .fit();
    double seconds = (System.nanoTime() - start) / 1e9;

    assertTrue(seconds < 8, "the experiment ended soon after its 3 s limit: " + seconds);
    assertEquals(3, grid.size(), "the 3 trials the slots allowed started, no more");
    for (TrialResult trial : grid) {
      int iterations = ((Number) trial.metrics().get("training_iteration")).intValue();
      assertTrue(iterations > 5 && iterations < 100, trial.trialId() + " ran " + iterations);
      assertTrue(trial.result().checkpoint() != null, "it keeps its last checkpoint");
    }
  }

  @Test
  void theReportShowsOneCurvePerTrialInABrowser(@TempDir Path dir) throws Exception {
    DataParallelTrainer trainer =
        new DataParallelTrainer(new ToyLoop())
            .setScalingConfig(ScalingConfig.of(1))
            .setDataset("train", data)
            .setTrainLoopConfig(Map.of("iterations", 8));
    new Tuner(
            trainer,
            Map.of("trainLoopConfig", Map.of("x", Tune.gridSearch(1.0, 2.0, 3.0, 4.0))),
            new TuneConfig().setMetric("score", "max"),
            new RunConfig().setName("report").setStoragePath(dir.toString()).setVerbose(0))
        .fit();

    Path png = Paths.get("target", "tuner-report.png");
    BufferedImage shot =
        HeadlessChromium.screenshot(dir.resolve("report/report.html"), png, 800, 760);
    assertEquals(800, shot.getWidth());
    for (String color : List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728")) {
      int drawn = chartPixels(shot, color);
      assertTrue(drawn > 300, "the curve in " + color + " is drawn: " + drawn + " pixels");
    }
  }

  /** Pixels of {@code color} in the chart's area, right of the trial table's colour keys. */
  private static int chartPixels(BufferedImage shot, String color) {
    int rgb = Integer.parseInt(color.substring(1), 16);
    int count = 0;
    for (int y = 0; y < Math.min(shot.getHeight(), 500); y++) {
      for (int x = 60; x < shot.getWidth(); x++) {
        if ((shot.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void trialsOfDifferentSizesShareTheSlotsLeftForTraining(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("starts.log");
    DataParallelTrainer trainer =
        new DataParallelTrainer(new ToyLoop())
            .setDataset("train", data)
            .setTrainLoopConfig(Map.of("iterations", 4, "sleepMs", 300, "log", log.toString()));
    ResultGrid grid =
        new Tuner(
                trainer,
                Map.of(
                    "scalingConfig",
                        Tune.gridSearch(Map.of("numWorkers", 2), Map.of("numWorkers", 1)),
                    "trainLoopConfig", Map.of("x", Tune.gridSearch(1.0, 2.0))),
                new TuneConfig().setMetric("score", "max"),
                new RunConfig().setName("mixed").setStoragePath(dir.toString()).setVerbose(0))
            .fit();
    assertEquals(4, grid.size());
    assertEquals(0, grid.numErrors(), grid.errors().toString());

    List<LogLine> lines = log(log);
    List<long[]> spans = new ArrayList<>();
    for (LogLine start : lines) {
      if (!start.end) {
        LogLine end =
            lines.stream()
                .filter(l -> l.end && l.x == start.x && l.workers == start.workers)
                .findFirst()
                .orElseThrow();
        spans.add(new long[] {start.millis, end.millis, start.workers});
      }
    }
    assertEquals(4, spans.size());
    boolean mixed = false;
    for (long[] a : spans) {
      long busy =
          spans.stream().filter(b -> b[0] <= a[0] && a[0] < b[1]).mapToLong(b -> b[2]).sum();
      assertTrue(
          busy <= 3,
          "at most the 3 of 4 slots left after the 20% reserve are busy, " + "got " + busy);
      mixed |= spans.stream().anyMatch(b -> b[2] != a[2] && b[0] < a[1] && a[0] < b[1]);
    }
    assertTrue(mixed, "a 2-worker trial and a 1-worker trial ran at the same time");
  }
}
