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
package io.sparkair.train.dl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.translate.Translator;
import ai.djl.util.PairList;
import io.sparkair.runtime.collective.Collective;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A DJL model made data-parallel ({@link TorchTrain#prepareModel}): the model itself for everything
 * but {@link #newTrainer}, whose trainers all-reduce gradients across the workers. Every method of
 * DJL's {@code Model} is delegated by name, so a DJL release that changes the interface fails this
 * class's compilation rather than a training run.
 */
final class DataParallelModel implements Model {
  private final Model model;
  private final Collective collective;

  DataParallelModel(Model model, Collective collective) {
    this.model = model;
    this.collective = collective;
  }

  @Override
  public Trainer newTrainer(TrainingConfig config) {
    return new AllReduceTrainer(this, config, collective);
  }

  @Override
  public void load(Path modelPath, String prefix, Map<String, ?> options)
      throws IOException, MalformedModelException {
    model.load(modelPath, prefix, options);
  }

  @Override
  public void load(InputStream is, Map<String, ?> options)
      throws IOException, MalformedModelException {
    model.load(is, options);
  }

  @Override
  public void save(Path modelPath, String newModelName) throws IOException {
    model.save(modelPath, newModelName);
  }

  @Override
  public Path getModelPath() {
    return model.getModelPath();
  }

  @Override
  public Block getBlock() {
    return model.getBlock();
  }

  @Override
  public void setBlock(Block block) {
    model.setBlock(block);
  }

  @Override
  public String getName() {
    return model.getName();
  }

  @Override
  public Map<String, String> getProperties() {
    return model.getProperties();
  }

  @Override
  public String getProperty(String key) {
    return model.getProperty(key);
  }

  @Override
  public void setProperty(String key, String value) {
    model.setProperty(key, value);
  }

  @Override
  public NDManager getNDManager() {
    return model.getNDManager();
  }

  @Override
  public <I, O> Predictor<I, O> newPredictor(Translator<I, O> translator, Device device) {
    return model.newPredictor(translator, device);
  }

  @Override
  public PairList<String, Shape> describeInput() {
    return model.describeInput();
  }

  @Override
  public PairList<String, Shape> describeOutput() {
    return model.describeOutput();
  }

  @Override
  public String[] getArtifactNames() {
    return model.getArtifactNames();
  }

  @Override
  public <T> T getArtifact(String name, Function<InputStream, T> function) throws IOException {
    return model.getArtifact(name, function);
  }

  @Override
  public URL getArtifact(String name) throws IOException {
    return model.getArtifact(name);
  }

  @Override
  public InputStream getArtifactAsStream(String name) throws IOException {
    return model.getArtifactAsStream(name);
  }

  @Override
  public void setDataType(DataType dataType) {
    model.setDataType(dataType);
  }

  @Override
  public DataType getDataType() {
    return model.getDataType();
  }

  @Override
  public void cast(DataType dataType) {
    model.cast(dataType);
  }

  @Override
  public void quantize() {
    model.quantize();
  }

  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return "data-parallel " + model;
  }
}
