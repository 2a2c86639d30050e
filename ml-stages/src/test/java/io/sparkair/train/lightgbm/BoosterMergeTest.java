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
package io.sparkair.train.lightgbm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.sparkair.predict.LightGBMNative;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link BoosterMerge} reaches a private field of lightgbm4j's booster: this test fails (rather
 * than a resumed LightGBM run) when a lightgbm4j release renames or retypes it.
 */
class BoosterMergeTest {
  private static final String PARAMS =
      "objective=binary verbosity=-1 num_leaves=4 "
          + "min_data_in_leaf=5 deterministic=true num_threads=1";

  private static LGBMBooster trained(LGBMDataset data, int rounds) throws Exception {
    LGBMBooster booster = LGBMBooster.create(data, PARAMS);
    for (int i = 0; i < rounds; i++) {
      booster.updateOneIter();
    }
    return booster;
  }

  private static int trees(LGBMBooster booster) throws Exception {
    Matcher tree =
        Pattern.compile("(?m)^Tree=")
            .matcher(booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT));
    int count = 0;
    while (tree.find()) {
      count++;
    }
    return count;
  }

  @Test
  void theEarlierBoostersTreesComeFirst() throws Exception {
    LightGBMNative.load();
    int rows = 200;
    float[] features = new float[rows * 2];
    float[] labels = new float[rows];
    for (int i = 0; i < rows; i++) {
      features[2 * i] = (i % 17) / 17f;
      features[2 * i + 1] = (i % 5) / 5f;
      labels[i] = features[2 * i] > 0.5f ? 1 : 0;
    }
    try (LGBMDataset data = LGBMDataset.createFromMat(features, rows, 2, true, PARAMS, null)) {
      data.setField("label", labels);
      try (LGBMBooster earlier = trained(data, 3);
          LGBMBooster later = trained(data, 2)) {
        assertEquals(3, trees(earlier));
        BoosterMerge.prepend(later, earlier);
        assertEquals(5, trees(later), "the merged model holds both boosters' trees");
        assertEquals(3, trees(earlier), "the earlier booster is left as it was");
      }
    }
  }
}
