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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkair.train.CheckpointConfig;
import io.sparkair.train.FailureConfig;
import io.sparkair.train.RunConfig;
import io.sparkair.train.RunStorage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * An experiment's state as JSON, {@code tuner.json}, written and read field by field: the run
 * settings, every trial (id, configuration, status) and the events the searcher and scheduler were
 * given. Search spaces, searchers and schedulers hold code, so they are not saved: a restore is
 * given them again, and replaying the events to them brings them to where they were; every
 * configuration they suggest again is checked against the saved one.
 */
final class ExperimentState {
  /** The file name in the experiment directory. */
  static final String FILE = "tuner.json";

  /** The format this version writes and the newest it reads. */
  static final int FORMAT_VERSION = 1;

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private ExperimentState() {}

  /** The JSON of {@code experiment}; the caller holds its monitor. */
  static String write(Experiment experiment) {
    ObjectNode root = ConfigJson.JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("name", experiment.name);
    root.put("verbose", experiment.verbose);
    ObjectNode checkpoints = root.putObject("checkpointConfig");
    checkpoints.put("numToKeep", experiment.checkpointConfig.numToKeep());
    checkpoints.put("scoreAttribute", experiment.checkpointConfig.scoreAttribute());
    checkpoints.put("maximize", experiment.checkpointConfig.maximize());
    root.putObject("failureConfig").put("maxFailures", experiment.failureConfig.maxFailures());
    ArrayNode trials = root.putArray("trials");
    for (Experiment.Trial trial : experiment.trials) {
      ObjectNode node = trials.addObject();
      node.put("id", trial.id);
      node.set("config", ConfigJson.toNode(trial.config));
      node.put("state", trial.state.name());
      node.put("error", trial.error);
      node.put("stopped", trial.stopped);
    }
    root.set("events", ConfigJson.toNode(experiment.events()));
    try {
      return ConfigJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write experiment " + experiment.name, e);
    }
  }

  /** Whether {@code dir} holds a state of this format. */
  static boolean exists(String dir, Configuration hadoop) {
    return RunStorage.exists(dir + "/" + FILE, hadoop);
  }

  /**
   * The experiment saved in {@code dir}, with a searcher and scheduler made from {@code paramSpace}
   * and {@code tuneConfig} and brought to their saved state.
   *
   * @param storagePath the directory {@code dir} is in
   * @throws IllegalArgumentException when {@code dir} holds no state, a newer format, or a state
   *     the search space and configuration given do not reproduce (naming the first trial that
   *     differs)
   */
  static Experiment restore(
      String dir,
      Configuration hadoop,
      Map<String, ?> paramSpace,
      TuneConfig tuneConfig,
      String storagePath) {
    byte[] saved = RunStorage.readIfExists(dir + "/" + FILE, hadoop);
    if (saved == null) {
      throw new IllegalArgumentException("no experiment to restore at " + dir);
    }
    JsonNode root;
    try {
      root = ConfigJson.JSON.readTree(new String(saved, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(dir + "/" + FILE + " is not valid JSON: " + e, e);
    }
    int version = required(root, "formatVersion", dir).asInt();
    if (version > FORMAT_VERSION) {
      throw new IllegalArgumentException(
          dir
              + "/"
              + FILE
              + " has format version "
              + version
              + ", newer than this Spark AIR reads ("
              + FORMAT_VERSION
              + ")");
    }
    JsonNode checkpoints = required(root, "checkpointConfig", dir);
    CheckpointConfig checkpointConfig =
        CheckpointConfig.keep(required(checkpoints, "numToKeep", dir).asInt());
    if (checkpoints.hasNonNull("scoreAttribute")) {
      checkpointConfig =
          checkpointConfig.scoreBy(
              checkpoints.get("scoreAttribute").asText(),
              required(checkpoints, "maximize", dir).asBoolean() ? "max" : "min");
    }
    RunConfig runConfig =
        new RunConfig()
            .setName(required(root, "name", dir).asText())
            .setStoragePath(storagePath)
            .setVerbose(required(root, "verbose", dir).asInt())
            .setCheckpointConfig(checkpointConfig)
            .setFailureConfig(
                FailureConfig.of(
                    required(required(root, "failureConfig", dir), "maxFailures", dir).asInt()));
    Experiment experiment =
        Tuner.newExperiment(runConfig.name(), paramSpace, tuneConfig, runConfig);
    Map<String, JsonNode> trials = new LinkedHashMap<>();
    for (JsonNode trial : required(root, "trials", dir)) {
      trials.put(required(trial, "id", dir).asText(), trial);
    }
    for (JsonNode event : required(root, "events", dir)) {
      replay(experiment, event, trials, dir);
    }
    for (JsonNode node : trials.values()) {
      Experiment.Trial trial = experiment.trial(node.get("id").asText());
      Experiment.State state = Experiment.State.valueOf(required(node, "state", dir).asText());
      trial.state = state == Experiment.State.RUNNING ? Experiment.State.PENDING : state;
      trial.error = node.hasNonNull("error") ? node.get("error").asText() : null;
      trial.stopped = node.path("stopped").asBoolean(false);
    }
    return experiment;
  }

  private static void replay(
      Experiment experiment, JsonNode event, Map<String, JsonNode> trials, String dir) {
    String id = required(event, "trial", dir).asText();
    Map<String, Object> metrics =
        event.has("metrics") ? ConfigJson.JSON.convertValue(event.get("metrics"), MAP) : Map.of();
    switch (required(event, "event", dir).asText()) {
      case "suggest":
        Experiment.Trial trial = experiment.suggest();
        JsonNode saved = trials.get(id);
        if (trial == null
            || !trial.id.equals(id)
            || saved == null
            || !ConfigJson.normalized(trial.config).equals(saved.get("config"))) {
          throw new IllegalArgumentException(
              "the search space and TuneConfig given do not reproduce the experiment in "
                  + dir
                  + ": trial "
                  + id
                  + " was "
                  + (saved == null ? "missing" : saved.get("config"))
                  + ", now "
                  + (trial == null ? "no trial" : ConfigJson.toNode(trial.config))
                  + "; restore with the ones it ran with");
        }
        break;
      case "result":
        experiment.shouldStopAfter(id, metrics);
        break;
      case "complete":
        boolean failed = event.path("error").asBoolean(false);
        experiment.ended(
            experiment.trial(id),
            metrics,
            failed ? new IllegalStateException("failed before the restore") : null,
            false);
        break;
      default:
        throw new IllegalArgumentException(
            dir + "/" + FILE + " has an unknown event " + event.get("event"));
    }
  }

  private static JsonNode required(JsonNode node, String field, String dir) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(dir + "/" + FILE + " has no '" + field + "'");
    }
    return value;
  }
}
