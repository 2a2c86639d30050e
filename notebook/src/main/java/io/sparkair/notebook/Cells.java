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
package io.sparkair.notebook;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs notebook cells, Java snippets, in one JShell whose state lasts as long as the kernel: a
 * class, method or variable a cell declares is there for the next cells, and declaring it again
 * replaces it. The packages a Spark AIR notebook uses are imported before the first cell.
 *
 * <p>The cells' classes are written to the directory named by the system property {@value
 * #CLASS_DIR} (a new temporary directory unless it is set), which a Spark session made afterwards
 * serves to its executors as spark-shell serves its own: so a lambda or a class written in a cell
 * runs in executors in other JVMs, in Spark's tasks and in Spark AIR's actors alike.
 */
final class Cells implements AutoCloseable {
  /** Imported before the first cell. */
  static final List<String> IMPORTS =
      List.of(
          "java.util.*",
          "java.nio.file.*",
          "org.apache.spark.sql.*",
          "org.apache.spark.sql.types.*",
          "io.sparkair.plugin.Air",
          "io.sparkair.data.AirDataset",
          "io.sparkair.checkpoint.Checkpoint",
          "io.sparkair.preprocess.*",
          "io.sparkair.predict.*",
          "io.sparkair.train.*",
          "io.sparkair.train.xgboost.XGBoostTrainer",
          "io.sparkair.train.lightgbm.LightGBMTrainer",
          "io.sparkair.train.dl.TorchTrainer",
          "io.sparkair.train.dl.TorchTrain",
          "io.sparkair.tune.*",
          "io.sparkair.ml.*",
          "io.sparkair.serve.PredictorDeployment",
          "io.sparkair.serve.HttpAdapters");

  /** Spark's setting for the directory of classes a REPL defines, served to executors. */
  static final String CLASS_DIR = "spark.repl.class.outputDir";

  /**
   * What an executor's failure to load a class of a cell looks like: the class's name, or Java
   * serialization's complaint about the object it could not turn into an instance of the class.
   */
  private static final Pattern UNLOADED_CLASS =
      Pattern.compile(
          "REPL\\.\\$JShell\\$|cannot assign instance of (java\\.lang\\.invoke\\.SerializedLambda"
              + "|scala\\.collection\\.generic\\.DefaultSerializationProxy)");

  private final KeptValues values;
  private final JShell shell;
  private final Path createdClassDir;

  Cells() {
    createdClassDir = System.getProperty(CLASS_DIR) == null ? newClassDir() : null;
    values = new KeptValues(Path.of(System.getProperty(CLASS_DIR)));
    shell = JShell.builder().executionEngine(values, null).build();
    shell.addToClasspath(System.getProperty("java.class.path"));
    IMPORTS.forEach(name -> run("import " + name + ";"));
  }

  /**
   * Runs a cell, snippet after snippet, and returns the object its last snippet evaluated to (empty
   * when that snippet is a statement or a declaration without a value).
   *
   * @throws CellException when a snippet does not compile, naming the compiler's message and the
   *     snippet
   * @throws Exception what the cell's code threw, as its own exception class
   */
  Optional<Object> run(String cell) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = cell;
    Object last = null;
    boolean hasValue = false;
    values.clear();
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      String source = info.source();
      if (source == null || source.isBlank()) {
        throw new CellException("this code is not complete: " + rest.strip());
      }
      rest = info.remaining();
      List<SnippetEvent> events = shell.eval(source);
      hasValue = false;
      for (SnippetEvent event : events) {
        if (event.causeSnippet() != null) {
          continue;
        }
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
          throw new CellException(diagnostics(snippet) + "\n  in: " + source.strip());
        }
        if (event.exception() != null) {
          throw unwrap(event.exception());
        }
        if (snippet.kind() == Snippet.Kind.EXPRESSION
            || (snippet.kind() == Snippet.Kind.VAR
                && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
          last = values.take(event.value());
          hasValue = true;
        }
      }
    }
    return hasValue ? Optional.ofNullable(last) : Optional.empty();
  }

  /**
   * What may be written at a place in a cell: the text from {@code start} to {@code end} would be
   * replaced by one of {@code replacements}.
   */
  record Completions(List<String> replacements, int start, int end) {}

  /**
   * The completions JShell offers at {@code cursor} in {@code cell}, in the snippet the cursor is
   * in: those whose type fits the place first, each once.
   */
  Completions complete(String cell, int cursor) {
    int offset = snippetStart(cell, cursor);
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        shell
            .sourceCodeAnalysis()
            .completionSuggestions(cell.substring(offset), cursor - offset, anchor);
    List<String> replacements =
        suggestions.stream()
            .sorted(
                Comparator.comparing((SourceCodeAnalysis.Suggestion x) -> !x.matchesType())
                    .thenComparing(SourceCodeAnalysis.Suggestion::continuation))
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .distinct()
            .toList();
    return new Completions(replacements, offset + anchor[0], cursor);
  }

  /**
   * The signatures, with their documentation where the JDK has it, of what the code at {@code
   * cursor} in {@code cell} calls or names (the cursor may be in a method's name or in its
   * arguments); empty when it names nothing.
   */
  String inspect(String cell, int cursor) {
    int offset = snippetStart(cell, cursor);
    String snippet = cell.substring(offset);
    int at = cursor - offset;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, at, true);
    int end = at;
    while (end < snippet.length() && Character.isJavaIdentifierPart(snippet.charAt(end))) {
      end++;
    }
    if (docs.isEmpty() && end < snippet.length() && snippet.charAt(end) == '(') {
      docs = analysis.documentation(snippet, end + 1, true);
    }
    return docs.stream()
        .map(
            d ->
                d.javadoc() == null || d.javadoc().isBlank()
                    ? d.signature()
                    : d.signature() + "\n" + d.javadoc().strip())
        .collect(Collectors.joining("\n\n"));
  }

  /** Where the snippet of {@code cell} holding {@code cursor} starts. */
  private int snippetStart(String cell, int cursor) {
    if (cursor < 0 || cursor > cell.length()) {
      throw new IllegalArgumentException(
          "cursor " + cursor + " is outside the cell's " + cell.length() + " characters");
    }
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    int offset = 0;
    String rest = cell;
    while (true) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      int length = rest.length() - info.remaining().length();
      if (!info.completeness().isComplete() || length == 0 || offset + length >= cursor) {
        return offset;
      }
      offset += length;
      rest = info.remaining();
    }
  }

  private static Path newClassDir() {
    try {
      Path created = Files.createTempDirectory("spark-air-cells");
      System.setProperty(CLASS_DIR, created.toString());
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a directory for the cells' classes", e);
    }
  }

  private String diagnostics(Snippet snippet) {
    List<String> messages =
        shell
            .diagnostics(snippet)
            .map(d -> d.getMessage(Locale.ROOT))
            .map(String::strip)
            .collect(Collectors.toList());
    return messages.isEmpty() ? "this code does not compile" : String.join("\n", messages);
  }

  /**
   * What a cell threw, as one line per exception from the root cause up, so that the reason comes
   * first: {@code IllegalArgumentException: label column 'x' is not in ...}. When an executor could
   * not load a class of a cell, a sentence saying what to do comes before them.
   */
  private static CellException unwrap(Exception thrown) {
    List<String> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String name =
          t instanceof EvalException eval ? eval.getExceptionClassName() : t.getClass().getName();
      chain.add(0, simpleName(name) + ": " + t.getMessage());
    }
    String causes = String.join("\n  from ", chain);
    if (UNLOADED_CLASS.matcher(causes).find()) {
      causes =
          "An executor could not load a class of this notebook's cells (Spark reports that as a"
              + " ClassNotFoundException, or as a ClassCastException while reading a task). Make"
              + " the Spark session in a cell of this kernel, whose executors then load the cells'"
              + " classes from it ("
              + CLASS_DIR
              + "); a jar added with %classpath must be given to spark.jars too.\n"
              + causes;
    }
    return new CellException(causes, thrown);
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * Adds a jar or a class directory to the classpath of this and later cells.
   *
   * @throws CellException when {@code path} is neither
   */
  void addToClasspath(String path) {
    File file = new File(path);
    if (!file.isDirectory() && !(file.isFile() && path.endsWith(".jar"))) {
      throw new CellException(
          "%classpath takes a jar or a directory of classes; " + path + " is not one");
    }
    shell.addToClasspath(file.getAbsolutePath());
  }

  @Override
  public void close() {
    shell.close();
    if (createdClassDir != null) {
      try (Stream<Path> files = Files.walk(createdClassDir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
