package io.sparkair.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * How a deployment reads an HTTP request's JSON body into rows and writes the predictions back
 * (Ray Serve's {@code http_adapter}). {@link HttpAdapters} has the built-in ones.
 */
public interface HttpAdapter {
  /** The name a deployment's configuration uses for this adapter. */
  String name();

  /**
   * The rows of a request body.
   *
   * @throws BadRequestException saying what is wrong with the body
   */
  ColumnBatch read(JsonNode body);

  /** Writes the predictions for the rows {@link #read} gave, in their order. */
  void write(ColumnBatch predictions, JsonGenerator out) throws IOException;
}
