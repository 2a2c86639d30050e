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
package io.sparkair.predict;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.preprocess.Preprocessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checkpoints of models trained elsewhere: a TorchScript file ({@code .pt}, {@code .pth}, {@code
 * .torchscript}) or an ONNX file ({@code .onnx}), with the {@link ModelSignature} that maps its
 * tensors to columns and, optionally, the preprocessor to apply first. {@link ModelFilePredictor}
 * reads them, in {@code BatchPredictor}, {@code AirModel} and the sidecar alike.
 *
 * <pre>{@code
 * Checkpoint checkpoint = ModelFileCheckpoint.create(Path.of("model.onnx"), signature);
 * }</pre>
 */
public final class ModelFileCheckpoint {
  /** The framework named in these checkpoints' metadata. */
  public static final String FRAMEWORK = "djl-model";

  /** DJL's engine for each model file extension. */
  private static final Map<String, String> ENGINES =
      Map.of("onnx", "OnnxRuntime", "pt", "PyTorch", "pth", "PyTorch", "torchscript", "PyTorch");

  /** What to add to the classpath for each engine. */
  static final Map<String, String> ENGINE_ARTIFACTS =
      Map.of(
          "OnnxRuntime",
          "ai.djl.onnxruntime:onnxruntime-engine and com.microsoft.onnxruntime:onnxruntime",
          "PyTorch",
          "ai.djl.pytorch:pytorch-engine, pytorch-jni and pytorch-native-cpu");

  private ModelFileCheckpoint() {}

  /** A checkpoint of the model in {@code modelFile}, read as {@code signature} says. */
  public static Checkpoint create(Path modelFile, ModelSignature signature) {
    return create(modelFile, signature, null);
  }

  /**
   * A checkpoint of the model in {@code modelFile}, read as {@code signature} says, with the
   * preprocessor that prepares its input columns. The model is loaded once to check that its inputs
   * are those the signature names (when its engine reports their names, as ONNX Runtime does).
   *
   * @param preprocessor applied to a batch before the model sees it, or null
   * @throws IllegalArgumentException when the file is missing or of an unknown kind, the engine
   *     cannot load it, or the signature names an input the model does not have
   */
  public static Checkpoint create(
      Path modelFile, ModelSignature signature, Preprocessor preprocessor) {
    Objects.requireNonNull(signature, "signature");
    if (modelFile == null || !Files.isRegularFile(modelFile)) {
      throw new IllegalArgumentException("model file " + modelFile + " is not a file");
    }
    String name = modelFile.getFileName().toString();
    if (engineOf(name) == null) {
      throw new IllegalArgumentException(
          "model file "
              + modelFile
              + " is not a TorchScript or ONNX file: its name ends in none of "
              + ENGINES.keySet().stream().sorted().map(e -> "." + e).toList());
    }
    Checkpoint checkpoint;
    try {
      checkpoint =
          Checkpoint.builder(FRAMEWORK)
              .modelFile(name, Files.readAllBytes(modelFile))
              .modelFile(ModelSignature.FILE, signature.toJson())
              .preprocessor(preprocessor)
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model file " + modelFile + ": " + e, e);
    }
    try (ModelFilePredictor predictor = ModelFilePredictor.fromCheckpoint(checkpoint)) {
      requireInputsOf(predictor.engineInputNames(), signature, name);
    } catch (RuntimeException e) {
      checkpoint.close();
      throw e;
    }
    return checkpoint;
  }

  private static void requireInputsOf(List<String> known, ModelSignature signature, String file) {
    if (known.isEmpty()) {
      return;
    }
    List<ModelSignature.Input> inputs = signature.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (!known.contains(inputs.get(i).name())) {
        throw new IllegalArgumentException(
            "model signature: field 'inputs["
                + i
                + "].name' names '"
                + inputs.get(i).name()
                + "', which is not an input of "
                + file
                + ": its inputs are "
                + known);
      }
    }
  }

  /** DJL's engine for a model file's name, or null when no engine reads it. */
  static String engineOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? null : ENGINES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
