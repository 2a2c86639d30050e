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
package io.sparkair.train;

import io.sparkair.data.AirDataset;
import io.sparkair.predict.FeatureRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the gradient-boosting trainers share (Ray's {@code GBDTTrainer}): a label column, feature
 * columns, the library's parameters, a number of boosting rounds and a checkpoint frequency.
 * Features are every column but the label, unless {@link #setFeatureColumns} names them; numeric
 * columns give one feature each, array columns (a {@code Concatenator}'s output) one per element;
 * nulls are missing values. Every dataset but {@code train} is evaluated each round.
 *
 * @param <T> the trainer's own type, which its setters return
 */
public abstract class BoostingTrainer<T extends BoostingTrainer<T>> extends BaseTrainer<T> {
  private String labelColumn;
  private List<String> featureColumns;
  private Map<String, Object> params = new LinkedHashMap<>();
  private int numBoostRound = 10;
  private int checkpointFrequency;

  /** A trainer with no fields set. */
  protected BoostingTrainer() {
    super();
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** The label column (required). */
  public T setLabelColumn(String label) {
    this.labelColumn = Objects.requireNonNull(label, "labelColumn");
    return self();
  }

  /** The feature columns; by default every column but the label. */
  public T setFeatureColumns(String... columns) {
    this.featureColumns = List.of(columns);
    return self();
  }

  /** The library's parameters ({@code objective}, metrics, tree depth, learning rate, ...). */
  public T setParams(Map<String, ?> params) {
    this.params = new LinkedHashMap<>(Objects.requireNonNull(params, "params"));
    return self();
  }

  /**
   * Sets one of the library's parameters, keeping the others: {@code setParam("max_depth", 4)} (a
   * list for several values, such as {@code eval_metric}).
   */
  public T setParam(String name, Object value) {
    if (name == null || name.isBlank() || value == null) {
      throw new IllegalArgumentException(
          "a parameter needs a non-empty name and a value, got '" + name + "' = " + value);
    }
    params.put(name, value);
    return self();
  }

  /** The number of boosting rounds (10 by default). */
  public T setNumBoostRound(int rounds) {
    if (rounds <= 0) {
      throw new IllegalArgumentException("numBoostRound must be > 0, got " + rounds);
    }
    this.numBoostRound = rounds;
    return self();
  }

  /** Stores a checkpoint every {@code rounds} rounds (0: only after the last). */
  public T setCheckpointFrequency(int rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("checkpointFrequency must be >= 0, got " + rounds);
    }
    this.checkpointFrequency = rounds;
    return self();
  }

  /** {@inheritDoc} Also the label, features, parameters, rounds and checkpoint frequency. */
  @Override
  protected void copyInto(T target) {
    super.copyInto(target);
    BoostingTrainer<T> into = target;
    into.labelColumn = labelColumn;
    into.featureColumns = featureColumns;
    into.params = new LinkedHashMap<>(params);
    into.numBoostRound = numBoostRound;
    into.checkpointFrequency = checkpointFrequency;
  }

  /** {@inheritDoc} Also {@code params} (merged into the library's) and {@code numBoostRound}. */
  @Override
  @SuppressWarnings("unchecked")
  protected void applyConfig(String key, Object value) {
    if ("params".equals(key)) {
      params.putAll((Map<String, Object>) value);
    } else if ("numBoostRound".equals(key)) {
      setNumBoostRound(((Number) value).intValue());
    } else {
      super.applyConfig(key, value);
    }
  }

  @Override
  protected String tunableFields() {
    return ", params, numBoostRound";
  }

  /** The label column, or null before it is set. */
  public String labelColumn() {
    return labelColumn;
  }

  /** The feature columns set, or null for every column but the label. */
  public List<String> featureColumns() {
    return featureColumns;
  }

  /** A copy of the library's parameters. */
  public Map<String, Object> params() {
    return new LinkedHashMap<>(params);
  }

  /** The number of boosting rounds. */
  public int numBoostRound() {
    return numBoostRound;
  }

  /** Rounds between checkpoints (0: only after the last). */
  public int checkpointFrequency() {
    return checkpointFrequency;
  }

  /** The library's name, for messages. */
  protected abstract String library();

  /** Whether the model's predictor gives class probabilities for the objective set. */
  protected abstract boolean givesProbability();

  /**
   * {@inheritDoc} {@code prediction} (a double), and {@code probability} (an array of one double
   * per class) when the objective classifies with probabilities.
   */
  @Override
  public StructType predictionSchema(StructType input) {
    StructType out = input.add("prediction", DataTypes.DoubleType, false);
    return givesProbability()
        ? out.add("probability", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
        : out;
  }

  /**
   * Checks the label, the features and the {@code train} dataset, then the parameters ({@link
   * #validateParams}).
   */
  @Override
  protected final void validate(Map<String, AirDataset> prepared) {
    String name = getClass().getSimpleName();
    if (labelColumn == null) {
      throw new IllegalArgumentException(name + " needs a label column");
    }
    if (!prepared.containsKey("train")) {
      throw new IllegalArgumentException(
          name + " needs a \"train\" dataset, got " + prepared.keySet());
    }
    for (Map.Entry<String, AirDataset> e : prepared.entrySet()) {
      StructType schema = e.getValue().arrowSchema();
      List<String> names = Arrays.asList(schema.fieldNames());
      if (!names.contains(labelColumn)) {
        throw new IllegalArgumentException(
            "label column '"
                + labelColumn
                + "' is not in the "
                + e.getKey()
                + " dataset, which has "
                + names);
      }
      requireNumeric(e.getKey(), schema.apply(labelColumn));
      for (String feature : FeatureRows.featureColumns(names, labelColumn, featureColumns)) {
        if (!names.contains(feature)) {
          throw new IllegalArgumentException(
              "feature column '"
                  + feature
                  + "' is not in the "
                  + e.getKey()
                  + " dataset, which has "
                  + names);
        }
        requireNumeric(e.getKey(), schema.apply(feature));
      }
    }
    List<String> order = new ArrayList<>(prepared.keySet());
    order.remove("train");
    order.add(0, "train");
    validateParams(order);
  }

  /**
   * Checks the parameters and prepares the loop.
   *
   * @param datasetOrder the dataset names, {@code train} first: the order to evaluate them in
   * @throws IllegalArgumentException naming a bad parameter
   */
  protected abstract void validateParams(List<String> datasetOrder);

  private void requireNumeric(String dataset, StructField field) {
    DataType type = field.dataType();
    boolean ok =
        type instanceof NumericType
            || type.typeName().equals("boolean")
            || (type instanceof ArrayType
                && ((ArrayType) type).elementType() instanceof NumericType);
    if (!ok) {
      throw new IllegalArgumentException(
          "column '"
              + field.name()
              + "' of the "
              + dataset
              + " dataset has type "
              + type.simpleString()
              + "; "
              + library()
              + " needs numbers "
              + "(encode or drop it first)");
    }
  }
}
