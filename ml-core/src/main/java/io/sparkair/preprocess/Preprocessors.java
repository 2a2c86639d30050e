package io.sparkair.preprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Preprocessors as JSON: <code>{"formatVersion": 1, "preprocessor": {"type":
 * "StandardScaler", ...}}</code>, the form a checkpoint's {@code preprocessor.json} takes. The
 * type is the simple class name of a built-in preprocessor, or the full class name of another;
 * the other keys are the preprocessor's fields, fitted statistics included.
 *
 * <p>Only fields are read by reflection, never methods, so a preprocessor loads where the
 * classes its dataset methods name (Spark's) are absent.
 */
public final class Preprocessors {
  /** The JSON format this version writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Class<? extends Preprocessor>> BUILT_IN = Stream.of(
      StandardScaler.class, MinMaxScaler.class, MaxAbsScaler.class, RobustScaler.class,
      Normalizer.class, OneHotEncoder.class, OrdinalEncoder.class, LabelEncoder.class,
      SimpleImputer.class, Concatenator.class, Chain.class, BatchMapper.class)
      .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

  private Preprocessors() {}

  /** The JSON of a preprocessor, fitted or not. */
  public static String toJson(Preprocessor preprocessor) {
    Objects.requireNonNull(preprocessor, "preprocessor");
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.set("preprocessor", write(preprocessor));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + preprocessor + " as JSON: " + e, e);
    }
  }

  /** A copy of a preprocessor, fitted or not, sharing no state with it. */
  public static Preprocessor copy(Preprocessor preprocessor) {
    return fromJson(toJson(preprocessor));
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
    return read(body);
  }

  private static ObjectNode write(Preprocessor preprocessor) {
    ObjectNode node = JSON.createObjectNode();
    Class<?> type = preprocessor.getClass();
    node.put("type", BUILT_IN.get(type.getSimpleName()) == type ? type.getSimpleName()
        : type.getName());
    for (Field field : stateOf(type)) {
      Object value = get(field, preprocessor);
      if (value instanceof Preprocessor) {
        node.set(field.getName(), write((Preprocessor) value));
      } else if (holdsPreprocessors(field)) {
        ArrayNode stages = node.putArray(field.getName());
        for (Object stage : (List<?>) value) {
          stages.add(write((Preprocessor) stage));
        }
      } else {
        node.set(field.getName(), JSON.valueToTree(value));
      }
    }
    return node;
  }

  private static Preprocessor read(JsonNode node) {
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw new IllegalArgumentException("preprocessor JSON has no \"type\"");
    }
    Class<? extends Preprocessor> type = typeNamed(typeNode.asText());
    Preprocessor preprocessor = instantiate(type);
    for (Field field : stateOf(type)) {
      JsonNode value = node.get(field.getName());
      if (value == null) {
        continue;
      }
      Object decoded;
      if (Preprocessor.class.isAssignableFrom(field.getType())) {
        decoded = value.isNull() ? null : read(value);
      } else if (holdsPreprocessors(field)) {
        List<Preprocessor> stages = new ArrayList<>();
        value.forEach(stage -> stages.add(read(stage)));
        decoded = List.copyOf(stages);
      } else {
        JavaType javaType = JSON.getTypeFactory().constructType(field.getGenericType());
        try {
          decoded = JSON.treeToValue(value, javaType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          throw new IllegalArgumentException("preprocessor JSON: field '" + field.getName()
              + "' of " + type.getSimpleName() + " cannot be read: " + e.getMessage(), e);
        }
      }
      set(field, preprocessor, decoded);
    }
    return preprocessor;
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Preprocessor> typeNamed(String name) {
    Class<? extends Preprocessor> builtIn = BUILT_IN.get(name);
    if (builtIn != null) {
      return builtIn;
    }
    try {
      Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
      if (Preprocessor.class.isAssignableFrom(type)) {
        return (Class<? extends Preprocessor>) type;
      }
      throw new IllegalArgumentException("preprocessor JSON type " + name
          + " is not a Preprocessor");
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("preprocessor JSON has unknown type '" + name
          + "' (a built-in name, or a class on the classpath)", e);
    }
  }

  private static Preprocessor instantiate(Class<? extends Preprocessor> type) {
    try {
      Constructor<? extends Preprocessor> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " needs a no-argument constructor "
          + "to be read from JSON", e);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalArgumentException("cannot make a " + type.getName() + ": " + e, e);
    }
  }

  /** The instance fields holding state, from the top of the class hierarchy down. */
  private static List<Field> stateOf(Class<?> type) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
            && !field.isSynthetic()) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return fields;
  }

  private static boolean holdsPreprocessors(Field field) {
    Type generic = field.getGenericType();
    if (!(generic instanceof ParameterizedType)
        || !List.class.isAssignableFrom(field.getType())) {
      return false;
    }
    Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
    return element instanceof Class && Preprocessor.class.isAssignableFrom((Class<?>) element);
  }

  private static Object get(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  private static void set(Field field, Object owner, Object value) {
    try {
      field.set(owner, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set " + field, e);
    }
  }
}
