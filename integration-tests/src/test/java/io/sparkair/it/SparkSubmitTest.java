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
 * application, {@code spark.plugins} on the command line, a {@code local-cluster} of two
 * executor JVMs that receive the project's code from Spark, not from their classpath.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SparkSubmitTest {
  @Test
  void theBreastCancerProgramRunsUnderSparkSubmit(@TempDir Path dir) throws Exception {
    SubmittedJob.runAndCheck(SubmittedJob.command("local-cluster[2,1,1024]", List.of(
        "--conf", "spark.executor.extraClassPath=" + LocalCluster.sparkOnlyClasspath(),
        "--conf", "spark.executorEnv.SPARK_SCALA_VERSION="
            + System.getProperty("air.scala.binary.version"),
        "--conf", "spark.executorEnv.SPARK_TESTING=1")), dir);
  }
}
