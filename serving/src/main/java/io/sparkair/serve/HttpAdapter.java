package io.sparkair.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * How a deployment reads an HTTP request's JSON body into rows and writes the predictions back
 * (Ray Serve's {@code http_adapter}). {@link HttpAdapters} has the built-in ones.
 */
public interface HttpAdapter {
  /** The name a deployment's configuration uses for this adapter. */
  String name();

  /**
   * The rows of a request body, read from {@code body} positioned on the body's first token;
   * it reads that JSON value and no further.
   *
   * @throws BadRequestException saying what is wrong with the body
   * @throws IOException when the body is not JSON ({@code JsonProcessingException})
   */
  ColumnBatch read(JsonParser body) throws IOException;

  /** Writes the predictions for the rows {@link #read} gave, in their order. */
  void write(ColumnBatch predictions, JsonGenerator out) throws IOException;
}
