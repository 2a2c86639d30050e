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

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.sparkair.train.ProgressOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Spark AIR (Java)" Jupyter kernel: each cell is Java, run by JShell in this JVM with Spark,
 * Spark AIR and the examples on the classpath (see {@link Cells} for what is imported); a cell's
 * value is shown as Spark AIR's objects want ({@link Displays}), and a failing cell shows its cause
 * first. Started by Jupyter with the connection file as its argument.
 */
public final class AirKernel extends BaseKernel {
  /** A {@code %classpath} line at the top of a cell. */
  private static final Pattern CLASSPATH = Pattern.compile("\\s*%classpath[ \\t]+([^\\n]+)\\n?");

  /**
   * The kernel's Log4j configuration, used unless {@code log4j2.configurationFile} names another:
   * log lines go to the kernel process's standard error, not into cells.
   */
  static final String LOG_CONFIG = "io/sparkair/notebook/kernel-log4j2.properties";

  private final Cells cells = new Cells();
  private final CellProgress progress = new CellProgress(this);
  private final LanguageInfo language =
      new LanguageInfo.Builder("java")
          .version(Runtime.version().toString())
          .mimetype("text/x-java-source")
          .fileExtension(".jshell")
          .pygments("java")
          .codemirror("text/x-java")
          .build();

  @Override
  public LanguageInfo getLanguageInfo() {
    return language;
  }

  @Override
  public String getBanner() {
    return "Spark AIR (Java): cells are Java snippets; Spark AIR, Spark SQL and java.util are "
        + "imported";
  }

  /**
   * Runs a cell; training and tuning progress shows in the cell, updated in place. Lines at the top
   * of the cell of the form {@code %classpath <jar or directory>} add to the classpath first.
   */
  @Override
  public DisplayData eval(String cell) {
    progress.newCell();
    ProgressOutput.use(progress);
    String code = cell.substring(codeStart(cell, cells::addToClasspath));
    return code.isBlank() ? null : cells.run(code).map(Displays::of).orElse(null);
  }

  /**
   * Where a cell's Java starts, after its {@code %classpath} lines, whose paths go to {@code
   * classpath} in order.
   */
  private static int codeStart(String cell, Consumer<String> classpath) {
    Matcher magic = CLASSPATH.matcher(cell);
    int start = 0;
    while (magic.lookingAt()) {
      classpath.accept(magic.group(1).strip());
      start = magic.end();
      magic.region(start, cell.length());
    }
    return start;
  }

  /** JShell's completions at the cursor: members, types, variables and methods in scope. */
  @Override
  public ReplacementOptions complete(String code, int at) {
    int start = codeStart(code, path -> {});
    if (at < start) {
      return null;
    }
    Cells.Completions c = cells.complete(code.substring(start), at - start);
    return c.replacements().isEmpty()
        ? null
        : new ReplacementOptions(c.replacements(), start + c.start(), start + c.end());
  }

  /** The signature, and the documentation where the JDK has it, of what the cursor is on. */
  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    int start = codeStart(code, path -> {});
    String text = at < start ? "" : cells.inspect(code.substring(start), at - start);
    return text.isEmpty() ? null : new DisplayData(text);
  }

  /** The failure's cause first, as the cell's error output; no wall of stack frames. */
  @Override
  public List<String> formatError(Exception e) {
    return errorStyler.primaryLines(String.valueOf(e.getMessage()));
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    cells.close();
  }

  /**
   * Runs the kernel on the connection Jupyter describes in the file {@code args[0]}, until Jupyter
   * shuts it down.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: AirKernel <connection file>, got " + List.of(args));
    }
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", LOG_CONFIG);
    }
    KernelConnectionProperties connection =
        KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    JupyterConnection jupyter = new JupyterConnection(connection);
    AirKernel kernel = new AirKernel();
    kernel.becomeHandlerForConnection(jupyter);
    jupyter.connect();
    jupyter.waitUntilClose();
    System.exit(0);
  }
}
