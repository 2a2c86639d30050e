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

import com.google.protobuf.ByteString;
import io.sparkair.serve.grpc.inference.InferTensorContents;
import io.sparkair.serve.grpc.inference.ModelInferRequest;
import io.sparkair.serve.grpc.inference.ModelInferResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Open Inference Protocol's protobuf tensors (its gRPC API) as rows, and rows as its tensors.
 * An input's data comes from the {@code contents} field of its datatype ({@code fp32_contents} for
 * {@code FP32}, {@code int_contents} for {@code INT8} to {@code INT32}, ...) or, when the request
 * has them, from its {@code raw_input_contents} (little-endian; {@code BYTES} elements each after a
 * 4-byte length). Outputs are written to {@code contents}.
 */
final class InferProtos {
  private InferProtos() {}

  /**
   * The rows of a request's inputs.
   *
   * @throws BadRequestException naming the input and what is wrong with it
   */
  static ColumnBatch read(ModelInferRequest request) {
    List<ModelInferRequest.InferInputTensor> inputs = request.getInputsList();
    int raw = request.getRawInputContentsCount();
    if (raw > 0 && raw != inputs.size()) {
      throw new BadRequestException(
          "the request has " + raw + " raw_input_contents for " + inputs.size() + " inputs");
    }
    InferTensors tensors = new InferTensors();
    for (int i = 0; i < inputs.size(); i++) {
      ModelInferRequest.InferInputTensor tensor = inputs.get(i);
      String name = tensor.getName();
      if (name.isEmpty()) {
        throw new BadRequestException("inputs[" + i + "] has no name");
      }
      String datatype = tensor.getDatatype();
      InferTensors.checkDatatype(name, datatype);
      long[] shape = tensor.getShapeList().stream().mapToLong(Long::longValue).toArray();
      InferTensors.checkShape(name, shape);
      if (InferTensors.isNumeric(datatype)) {
        double[] values =
            raw > 0
                ? rawNumbers(name, datatype, request.getRawInputContents(i))
                : numbers(name, datatype, tensor.getContents());
        tensors.addNumbers(name, shape, values);
      } else {
        Object[] values =
            raw > 0
                ? rawValues(name, datatype, request.getRawInputContents(i))
                : values(datatype, tensor.getContents());
        tensors.addValues(name, datatype, shape, values);
      }
    }
    return tensors.rows();
  }

  private static double[] numbers(String name, String datatype, InferTensorContents contents) {
    return switch (datatype) {
      case "FP32" -> {
        double[] v = new double[contents.getFp32ContentsCount()];
        for (int i = 0; i < v.length; i++) {
          v[i] = contents.getFp32Contents(i);
        }
        yield v;
      }
      case "FP64" -> contents.getFp64ContentsList().stream().mapToDouble(d -> d).toArray();
      case "INT8", "INT16", "INT32" ->
          contents.getIntContentsList().stream().mapToDouble(d -> d).toArray();
      case "INT64" -> contents.getInt64ContentsList().stream().mapToDouble(d -> d).toArray();
      case "UINT8", "UINT16", "UINT32" ->
          contents.getUintContentsList().stream()
              .mapToDouble(d -> Integer.toUnsignedLong(d))
              .toArray();
      case "UINT64" ->
          contents.getUint64ContentsList().stream()
              .mapToDouble(d -> Double.parseDouble(Long.toUnsignedString(d)))
              .toArray();
      default ->
          throw new BadRequestException(
              "input '" + name + "' of datatype " + datatype + " must come as raw_input_contents");
    };
  }

  private static Object[] values(String datatype, InferTensorContents contents) {
    if (datatype.equals("BOOL")) {
      return contents.getBoolContentsList().toArray();
    }
    return contents.getBytesContentsList().stream()
        .map(b -> b.toString(StandardCharsets.UTF_8))
        .toArray();
  }

  private static double[] rawNumbers(String name, String datatype, ByteString raw) {
    if (datatype.equals("FP16")) {
      throw new BadRequestException(
          "input '" + name + "' is raw FP16, which air-serve does not read; send FP32");
    }
    int size =
        switch (datatype) {
          case "INT8", "UINT8" -> 1;
          case "INT16", "UINT16" -> 2;
          case "INT32", "UINT32", "FP32" -> 4;
          default -> 8;
        };
    if (raw.size() % size != 0) {
      throw new BadRequestException(
          "input '"
              + name
              + "' has "
              + raw.size()
              + " raw bytes, not a whole number of "
              + datatype
              + " values of "
              + size
              + " bytes");
    }
    ByteBuffer bytes = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[raw.size() / size];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          switch (datatype) {
            case "INT8" -> bytes.get();
            case "UINT8" -> Byte.toUnsignedInt(bytes.get());
            case "INT16" -> bytes.getShort();
            case "UINT16" -> Short.toUnsignedInt(bytes.getShort());
            case "INT32" -> bytes.getInt();
            case "UINT32" -> Integer.toUnsignedLong(bytes.getInt());
            case "FP32" -> bytes.getFloat();
            case "INT64" -> bytes.getLong();
            case "UINT64" -> Double.parseDouble(Long.toUnsignedString(bytes.getLong()));
            default -> bytes.getDouble();
          };
    }
    return values;
  }

  private static Object[] rawValues(String name, String datatype, ByteString raw) {
    ByteBuffer bytes = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    if (datatype.equals("BOOL")) {
      Object[] values = new Object[raw.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = bytes.get() != 0;
      }
      return values;
    }
    List<Object> strings = new ArrayList<>();
    while (bytes.hasRemaining()) {
      if (bytes.remaining() < 4) {
        throw new BadRequestException(
            "input '" + name + "' has raw BYTES that end inside an element's 4-byte length");
      }
      int length = bytes.getInt();
      if (length < 0 || length > bytes.remaining()) {
        throw new BadRequestException(
            "input '"
                + name
                + "' has a raw BYTES element of "
                + length
                + " bytes but "
                + bytes.remaining()
                + " remain");
      }
      byte[] element = new byte[length];
      bytes.get(element);
      strings.add(new String(element, StandardCharsets.UTF_8));
    }
    return strings.toArray();
  }

  /**
   * The protocol's response to a request answered with {@code predictions}.
   *
   * @param requested the output names the request asked for, or empty for all
   * @throws BadRequestException naming a requested output the model does not give
   */
  static ModelInferResponse write(
      String model, String id, ColumnBatch predictions, List<String> requested) {
    ModelInferResponse.Builder response =
        ModelInferResponse.newBuilder().setModelName(model).setId(id);
    int rows = predictions.rowCount();
    for (ColumnBatch.Column column : InferTensors.requested(predictions, requested)) {
      ModelInferResponse.InferOutputTensor.Builder tensor =
          response
              .addOutputsBuilder()
              .setName(column.name())
              .setDatatype(InferTensors.datatypeOf(column.kind()));
      long[] shape = InferTensors.shapeOf(column, rows);
      for (long d : shape) {
        tensor.addShape(d);
      }
      InferTensorContents.Builder contents = tensor.getContentsBuilder();
      for (int r = 0; r < rows; r++) {
        Object value = column.get(r);
        switch (column.kind()) {
          case DOUBLE -> contents.addFp64Contents(value == null ? Double.NaN : (Double) value);
          case DOUBLE_ARRAY -> {
            double[] row = (double[]) value;
            for (int k = 0; k < shape[1]; k++) {
              contents.addFp64Contents(row == null || k >= row.length ? Double.NaN : row[k]);
            }
          }
          case BOOLEAN -> contents.addBoolContents(value != null && (Boolean) value);
          case STRING ->
              contents.addBytesContents(
                  ByteString.copyFromUtf8(value == null ? "" : value.toString()));
        }
      }
    }
    return response.build();
  }
}
