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
package io.sparkair.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * How a deployment reads an HTTP request's JSON body into rows and writes the predictions back (Ray
 * Serve's {@code http_adapter}). {@link HttpAdapters} has the built-in ones.
 */
public interface HttpAdapter {
  /** The name a deployment's configuration uses for this adapter. */
  String name();

  /**
   * The rows of a request body, read from {@code body} positioned on the body's first token; it
   * reads that JSON value and no further.
   *
   * @throws BadRequestException saying what is wrong with the body
   * @throws IOException when the body is not JSON ({@code JsonProcessingException})
   */
  ColumnBatch read(JsonParser body) throws IOException;

  /** Writes the predictions for the rows {@link #read} gave, in their order. */
  void write(ColumnBatch predictions, JsonGenerator out) throws IOException;
}
