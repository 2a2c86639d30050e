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
