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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breast-cancer program submitted as a user submits a Spark job: {@code SparkSubmit} on a
 * classpath of Spark's jars only, the runtime jar in {@code --jars}, the examples jar as the
 * application, {@code spark.plugins} on the command line, a {@code local-cluster} of two executor
 * JVMs that receive the project's code from Spark, not from their classpath.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SparkSubmitTest {
  @Test
  void theBreastCancerProgramRunsUnderSparkSubmit(@TempDir Path dir) throws Exception {
    SubmittedJob.runAndCheck(
        SubmittedJob.command(
            "local-cluster[2,1,1024]",
            List.of(
                "--conf", "spark.executor.extraClassPath=" + LocalCluster.sparkOnlyClasspath(),
                "--conf",
                    "spark.executorEnv.SPARK_SCALA_VERSION="
                        + System.getProperty("air.scala.binary.version"),
                "--conf", "spark.executorEnv.SPARK_TESTING=1")),
        dir);
  }
}
