package io.sparkair.ml;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.XGBoostPredictor;
import java.util.Objects;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A trained model as a Spark ML {@code Model}: it holds a checkpoint, and {@code transform}
 * keeps every input column and adds the predictor's columns ({@code prediction}, and
 * {@code probability} for classifiers), computed inside Spark tasks with the checkpoint's
 * preprocessor applied first. Saved and loaded with Spark ML's {@code write()}/{@code read()}
 * (the checkpoint is stored under the stage's path).
 */
public final class AirModel extends Model<AirModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final String CHECKPOINT = "checkpoint";

  private final String uid;
  private final transient Checkpoint checkpoint;
  private final XGBoostPredictor predictor;

  /**
   * A model of a checkpoint.
   *
   * @throws IllegalArgumentException when no predictor reads the checkpoint's framework
   */
  public AirModel(Checkpoint checkpoint) {
    this(Identifiable$.MODULE$.randomUID("airModel"), checkpoint);
  }

  private AirModel(String uid, Checkpoint checkpoint) {
    this.uid = uid;
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.predictor = XGBoostPredictor.fromCheckpoint(checkpoint);
  }

  /** The checkpoint this model predicts with. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return ArrowTransform.apply(predictor::predict, true, dataset);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return ArrowTransform.outputSchema(predictor::predict, schema, true,
        SparkSession.active().sessionState().conf().sessionLocalTimeZone());
  }

  @Override
  public AirModel copy(ParamMap extra) {
    return copyValues(new AirModel(uid, checkpoint), extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        StageStore.saveMetadata(AirModel.this, path, sparkSession().sparkContext());
        checkpoint.toDirectory(path + "/" + CHECKPOINT);
      }
    };
  }

  /** Reads a model saved with {@link #write()}. */
  public static MLReader<AirModel> read() {
    return new MLReader<>() {
      @Override
      public AirModel load(String path) {
        String uid = StageStore.uid(path, sparkSession().sparkContext(), AirModel.class);
        return new AirModel(uid, Checkpoint.fromDirectory(path + "/" + CHECKPOINT));
      }
    };
  }

  /** Loads a model saved with {@link #write()}. */
  public static AirModel load(String path) {
    return read().load(path);
  }

  @Override
  public String toString() {
    return "AirModel(" + checkpoint + ")";
  }
}
