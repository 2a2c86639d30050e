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
package io.sparkair.tune;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Renders a local HTML file to a PNG screenshot in Debian's headless Chromium (installed by {@code
 * scripts/install-test-tools.sh}), with the flags that keep it off the network.
 */
public final class HeadlessChromium {
  private static final Path BINARY = Path.of("/usr/bin/chromium");

  private HeadlessChromium() {}

  /**
   * The PNG screenshot of {@code html}, {@code width} by {@code height} pixels, saved at {@code
   * png}.
   */
  public static BufferedImage screenshot(Path html, Path png, int width, int height)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " is missing: run scripts/install-test-tools.sh");
    }
    Path profile = Files.createTempDirectory("chromium-profile");
    Process chromium =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height,
                    "--screenshot=" + png.toAbsolutePath(),
                    html.toUri().toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      throw new IllegalStateException("chromium did not finish the screenshot in 60 s");
    }
    if (chromium.exitValue() != 0 || !Files.isRegularFile(png)) {
      throw new IllegalStateException(
          "chromium exited with " + chromium.exitValue() + " and no screenshot at " + png);
    }
    return ImageIO.read(png.toFile());
  }
}
