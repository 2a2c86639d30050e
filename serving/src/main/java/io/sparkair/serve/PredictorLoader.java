package io.sparkair.serve;

import io.sparkair.checkpoint.Checkpoint;
import io.sparkair.predict.Predictor;
import io.sparkair.predict.PredictorClasses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** Loads a predictor class's model from a checkpoint through its static fromCheckpoint. */
final class PredictorLoader {
  private PredictorLoader() {}

  /**
   * A new predictor of class {@code className} for the checkpoint in {@code directory}.
   *
   * @param className the predictor class, or null for the built-in one of the checkpoint's
   *     framework
   * @throws IllegalArgumentException when the class is not a predictor or the checkpoint
   *     cannot be loaded
   */
  static Predictor load(String className, String directory) {
    Checkpoint checkpoint = Checkpoint.fromDirectory(directory);
    if (className == null) {
      className = PredictorClasses.forFramework(checkpoint.getMetadata().framework());
    }
    Method factory;
    try {
      Class<?> type = Class.forName(className);
      if (!Predictor.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(className + " is not an io.sparkair.predict.Predictor");
      }
      factory = type.getMethod("fromCheckpoint", Checkpoint.class);
      if (!Modifier.isStatic(factory.getModifiers())) {
        throw new NoSuchMethodException("fromCheckpoint is not static");
      }
    } catch (NoClassDefFoundError e) {
      throw missingClasses(className, e);
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
      throw new IllegalArgumentException("predictor class " + className + " cannot be used: "
          + e, e);
    }
    try {
      return (Predictor) factory.invoke(null, checkpoint);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof NoClassDefFoundError) {
        throw missingClasses(className, cause);
      }
      throw new IllegalArgumentException("cannot load " + className + " from " + directory
          + ": " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(className + ".fromCheckpoint is not public", e);
    }
  }

  private static IllegalArgumentException missingClasses(String className, Throwable cause) {
    return new IllegalArgumentException(className + " needs classes the sidecar does not have ("
        + cause.getMessage() + "); add their jars with AIR_SERVE_CLASSPATH (for DJL checkpoints: "
        + "DJL's api, pytorch-engine, pytorch-jni and pytorch-native-cpu, with jna and gson)",
        cause);
  }
}
