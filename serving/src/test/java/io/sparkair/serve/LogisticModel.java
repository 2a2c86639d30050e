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
package io.sparkair.serve;

import io.sparkair.predict.ModelFileCheckpoint;
import io.sparkair.predict.ModelSignature;
import java.nio.file.Path;

/**
 * The ONNX test model {@code logistic.onnx} (made by {@code scripts/make-test-models.py}): input
 * {@code features} fed by columns a, b, c, d; outputs {@code logit} = 0.5 a - 1.25 b + 2 c + 0.75 d
 * - 0.3 and {@code probability} = sigmoid(logit).
 */
final class LogisticModel {
  private LogisticModel() {}

  /** The probability the model gives a row of a, b, c, d. */
  static double probability(double[] x) {
    return 1 / (1 + Math.exp(-logit(x)));
  }

  /** The logit the model gives a row of a, b, c, d. */
  static double logit(double[] x) {
    return 0.5 * x[0] - 1.25 * x[1] + 2.0 * x[2] + 0.75 * x[3] - 0.3;
  }

  /**
   * A checkpoint of the model in {@code dir} whose columns are the given outputs, each named as the
   * output is; returns the directory.
   */
  static String checkpoint(Path dir, String... outputs) {
    ModelSignature.Builder signature =
        ModelSignature.builder()
            .input(
                "features", ModelSignature.DataType.FP32, new long[] {-1, 4}, "a", "b", "c", "d");
    for (String output : outputs) {
      signature.output(output, output);
    }
    ModelFileCheckpoint.create(
            Path.of(System.getProperty("air.test.models"), "logistic.onnx"), signature.build())
        .toDirectory(dir.toString());
    return dir.toString();
  }
}
