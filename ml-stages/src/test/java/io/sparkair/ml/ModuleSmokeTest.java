package io.sparkair.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkair.plugin.Air;
import org.junit.jupiter.api.Test;

/** The module builds against the plugin it stands on. */
class ModuleSmokeTest {
  @Test
  void seesThePluginApi() {
    assertEquals("io.sparkair.plugin", Air.class.getPackageName());
  }
}
