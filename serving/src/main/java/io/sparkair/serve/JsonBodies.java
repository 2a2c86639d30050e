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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies read as one JSON value with Jackson's parser, and answers written as JSON. */
final class JsonBodies {
  /** Reads a body's JSON value, from its first token. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonParser parser) throws IOException;
  }

  /** Writes an answer's JSON. */
  @FunctionalInterface
  interface Writer {
    void write(JsonGenerator generator) throws IOException;
  }

  private JsonBodies() {}

  /**
   * The body's one JSON value as {@code reader} reads it.
   *
   * @param expected what to post, for the message when there is no body
   * @throws BadRequestException when there is no body, the JSON is malformed, or more follows it
   */
  static <T> T read(AggregatedHttpRequest body, String expected, Reader<T> reader) {
    if (body.content().isEmpty()) {
      throw new BadRequestException("the request has no body; POST " + expected);
    }
    try (JsonParser parser = ConfigMapper.JSON.getFactory().createParser(body.content().array())) {
      if (parser.nextToken() == null) {
        throw new BadRequestException("the request has no body; POST " + expected);
      }
      T value = reader.read(parser);
      if (parser.nextToken() != null) {
        throw new BadRequestException("malformed JSON: more follows the body's JSON value");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new BadRequestException("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 200 answer of the JSON {@code writer} writes; {@code sizeHint} bytes are expected. */
  static AggregatedHttpResponse ok(int sizeHint, Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
    try (JsonGenerator generator = ConfigMapper.JSON.getFactory().createGenerator(out)) {
      writer.write(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AggregatedHttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, out.toByteArray());
  }
}
