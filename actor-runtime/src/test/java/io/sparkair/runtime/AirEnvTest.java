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
package io.sparkair.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AirEnvTest {
  private static final AtomicInteger MADE = new AtomicInteger();

  static final class Made {
    Made() {
      MADE.incrementAndGet();
    }
  }

  static final class Recursive {
    Recursive() {
      AirEnv.service(Recursive.class, Recursive::new);
    }
  }

  static final class Failing {
    Failing() {
      throw new IllegalStateException("cannot make it");
    }
  }

  @Test
  void aServiceIsMadeOncePerJvmAndListed() {
    Made first = AirEnv.service(Made.class, Made::new);
    assertSame(first, AirEnv.service(Made.class, Made::new));
    assertEquals(1, MADE.get());
    assertTrue(AirEnv.services().contains(Made.class.getName()), AirEnv.services().toString());
  }

  @Test
  void aServiceThatAsksForItselfOrFailsIsNotKept() {
    IllegalStateException loop =
        assertThrows(
            IllegalStateException.class, () -> AirEnv.service(Recursive.class, Recursive::new));
    assertTrue(loop.getMessage().contains("asked for itself"), loop.getMessage());
    assertThrows(IllegalStateException.class, () -> AirEnv.service(Failing.class, Failing::new));
    assertTrue(!AirEnv.services().contains(Failing.class.getName()), "a failed service is dropped");
    assertThrows(IllegalStateException.class, () -> AirEnv.service(Failing.class, Failing::new));
  }
}
