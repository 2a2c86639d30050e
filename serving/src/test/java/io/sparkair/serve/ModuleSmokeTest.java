package io.sparkair.serve;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The sidecar's module must not see Spark. */
class ModuleSmokeTest {
  @Test
  void sparkIsNotOnTheClasspath() {
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("org.apache.spark.SparkContext"));
  }
}
