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

import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import io.github.metarank.lightgbm4j.LGBMBooster;
import java.lang.reflect.Field;

/**
 * Puts an earlier booster's trees in front of a new booster's, as LightGBM's Python package does to
 * continue training from a model: LightGBM's C API cannot start training from a model file, so the
 * new booster trains on the earlier one's scores and the trees are merged. lightgbm4j wraps no
 * merge, so this reaches its boosters' native handles.
 */
final class BoosterMerge {
  private BoosterMerge() {}

  /** Makes {@code target}'s model {@code earlier}'s trees followed by its own. */
  static void prepend(LGBMBooster target, LGBMBooster earlier) {
    int rc =
        lightgbmlib.LGBM_BoosterMerge(
            lightgbmlib.voidpp_value(handle(target)), lightgbmlib.voidpp_value(handle(earlier)));
    if (rc != 0) {
      throw new IllegalStateException(
          "LightGBM could not continue from the checkpoint's "
              + "model: "
              + lightgbmlib.LGBM_GetLastError());
    }
  }

  private static SWIGTYPE_p_p_void handle(LGBMBooster booster) {
    try {
      Field field = LGBMBooster.class.getDeclaredField("handle");
      field.setAccessible(true);
      return (SWIGTYPE_p_p_void) field.get(booster);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "this lightgbm4j has no booster handle to merge with; "
              + "resuming LightGBM training needs lightgbm4j 4.3.0-1",
          e);
    }
  }
}
