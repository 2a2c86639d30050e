package io.sparkair.preprocess;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Preprocessors as JSON: <code>{"formatVersion": 1, "preprocessor": {"type":
 * "StandardScaler", ...}}</code>, the form a checkpoint's {@code preprocessor.json} takes. The
 * type tag names the class; the fitted statistics are saved with it.
 */
public final class Preprocessors {
  /** The JSON format this version writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper()
      .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

  private Preprocessors() {}

  /** The JSON of a preprocessor, fitted or not. */
  public static String toJson(Preprocessor preprocessor) {
    Objects.requireNonNull(preprocessor, "preprocessor");
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.set("preprocessor", JSON.valueToTree(preprocessor));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + preprocessor + " as JSON: " + e, e);
    }
  }

  /**
   * The preprocessor a JSON text describes.
   *
   * @throws IllegalArgumentException when the text is not such JSON, names an unknown type, or
   *     has a newer format version than this library reads
   */
  public static Preprocessor fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("preprocessor JSON is not valid JSON: "
          + e.getOriginalMessage(), e);
    }
    JsonNode version = root == null ? null : root.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new IllegalArgumentException("preprocessor JSON has no formatVersion");
    }
    if (version.asInt() > FORMAT_VERSION) {
      throw new IllegalArgumentException("preprocessor JSON has format version "
          + version.asInt() + ", newer than this Spark AIR reads (" + FORMAT_VERSION
          + "); load it with a newer version");
    }
    JsonNode body = root.get("preprocessor");
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("preprocessor JSON has no \"preprocessor\" object");
    }
    try {
      return JSON.treeToValue(body, Preprocessor.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read the preprocessor from JSON: "
          + e.getOriginalMessage(), e);
    }
  }
}
