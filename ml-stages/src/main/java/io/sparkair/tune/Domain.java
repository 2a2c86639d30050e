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

import java.io.Serializable;
import java.util.Map;
import java.util.Random;

/**
 * A value to sample in a search space ({@link Tune#uniform}, {@link Tune#choice}, ...). It is
 * resolved once per trial; {@link Tune#gridSearch} values are not domains but grid dimensions.
 */
public interface Domain extends Serializable {
  /**
   * Draws a value.
   *
   * @param random the searcher's seeded source
   * @param resolved the trial's configuration as resolved so far (for {@link Tune#sampleFrom})
   */
  Object sample(Random random, Map<String, Object> resolved);
}
