package io.sparkair.predict;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.preprocess.Preprocessor;
import io.sparkair.train.dl.BlockFactory;
import io.sparkair.train.dl.TorchCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A DJL model from a {@link TorchCheckpoint} (made in a {@code TorchTrainer} loop), predicting
 * on Arrow batches: the checkpoint's preprocessor, then the model in inference mode on the
 * checkpoint's feature columns. The output is one {@code prediction} column: a double per row
 * for a model with one output, otherwise an array of doubles per row. Safe to call from several
 * threads: each call works in a manager of its own.
 */
public final class TorchPredictor implements Predictor {
  private static final BufferAllocator ALLOCATOR = new RootAllocator();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Model model;
  private final List<String> features;
  private final Preprocessor preprocessor;

  private TorchPredictor(Model model, List<String> features, Preprocessor preprocessor) {
    this.model = model;
    this.features = features;
    this.preprocessor = preprocessor;
  }

  /**
   * Loads the model and preprocessor of a DJL checkpoint.
   *
   * @throws IllegalArgumentException when the checkpoint is of another framework, or its block
   *     factory cannot be made, or its parameters do not fit the factory's block
   */
  public static TorchPredictor fromCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    String framework = checkpoint.getMetadata().framework();
    if (!TorchCheckpoint.FRAMEWORK.equals(framework)) {
      throw new IllegalArgumentException("checkpoint " + checkpoint.path() + " holds a "
          + framework + " model, not a DJL one");
    }
    Path dir = checkpoint.modelDirectory();
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    Model model = null;
    try {
      JsonNode info = JSON.readTree(dir.resolve(TorchCheckpoint.INFO_FILE).toFile());
      List<String> features = new ArrayList<>();
      info.path("featureColumns").forEach(f -> features.add(f.asText()));
      String factory = info.path("blockFactory").asText();
      model = Model.newInstance("air-djl-predictor");
      model.setBlock(newFactory(factory).newBlock());
      model.load(dir, TorchCheckpoint.MODEL_NAME);
      return new TorchPredictor(model, List.copyOf(features), checkpoint.getPreprocessor());
    } catch (IOException e) {
      closeQuietly(model);
      throw new UncheckedIOException("cannot read the DJL model in " + dir + ": " + e, e);
    } catch (MalformedModelException | RuntimeException e) {
      closeQuietly(model);
      throw new IllegalArgumentException("cannot load the DJL model in " + dir + ": " + e, e);
    }
  }

  private static BlockFactory newFactory(String name) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(name, true,
          loader != null ? loader : TorchPredictor.class.getClassLoader());
      return (BlockFactory) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("cannot make block factory " + name + ": " + e, e);
    }
  }

  private static void closeQuietly(Model model) {
    if (model != null) {
      model.close();
    }
  }

  /** The feature columns the model reads, in order. */
  public List<String> featureColumns() {
    return features;
  }

  @Override
  public VectorSchemaRoot predict(VectorSchemaRoot batch) {
    VectorSchemaRoot input = preprocessor == null ? batch : preprocessor.transformBatch(batch);
    try (NDManager manager = model.getNDManager().newSubManager()) {
      FeatureRows rows = new FeatureRows();
      rows.add(input, null, features);
      int n = rows.rows();
      if (n == 0) {
        return output(new float[0], 0, 1);
      }
      NDArray x = manager.create(FloatBuffer.wrap(rows.values(), 0, n * rows.width()),
          new Shape(n, rows.width()));
      NDArray y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x),
          false).singletonOrThrow();
      int width = (int) (y.size() / n);
      return output(y.toFloatArray(), n, width);
    } finally {
      if (input != batch) {
        input.close();
      }
    }
  }

  private static VectorSchemaRoot output(float[] values, int n, int width) {
    return OutputColumns.of("prediction", n, width, width != 1,
        (row, k) -> values[row * width + k], ALLOCATOR);
  }

  @Override
  public void close() {
    model.close();
  }
}
