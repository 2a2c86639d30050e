#!/usr/bin/python3
# Copyright 2026 The Spark AIR Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""Makes the two tiny models the tests serve as "models from outside", with fixed weights that
the tests use again to compute the expected predictions on their own.

  logistic.onnx   input "features" float32 [N, 4]; outputs "logit" = features @ W + b [N, 1]
                  and "probability" = sigmoid(logit) [N, 1];
                  W = [0.5, -1.25, 2.0, 0.75], b = -0.3
  tanh_net.pt     TorchScript; forward(x: float32 [N, 4]) = tanh(x @ W.T + b) [N, 2];
                  W = [[0.1, 0.2, -0.3, 0.4], [-0.5, 0.25, 0.125, -1.0]], b = [0.05, -0.1]

  mlp.onnx, mlp.pt
                  the same multilayer perceptron for the benchmarks, 16 -> 64 -> 64 -> 1 (ReLU,
                  sigmoid out), weights from torch.manual_seed(0); input "features" [N, 16],
                  output "probability" [N, 1]

Usage: /usr/bin/python3 scripts/make-test-models.py <output directory>
Needs Debian's python3-onnx and python3-torch (apt-get install --no-install-recommends). The
files it made are checked in under ml-core/src/test/resources/models, so that the build does not
need them.
"""
import os
import sys

import onnx
import torch
from onnx import TensorProto, helper

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

w = helper.make_tensor("W", TensorProto.FLOAT, [4, 1], [0.5, -1.25, 2.0, 0.75])
b = helper.make_tensor("b", TensorProto.FLOAT, [1], [-0.3])
graph = helper.make_graph(
    [
        helper.make_node("MatMul", ["features", "W"], ["xw"]),
        helper.make_node("Add", ["xw", "b"], ["logit"]),
        helper.make_node("Sigmoid", ["logit"], ["probability"]),
    ],
    "logistic",
    [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 4])],
    [
        helper.make_tensor_value_info("logit", TensorProto.FLOAT, ["N", 1]),
        helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["N", 1]),
    ],
    initializer=[w, b],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, os.path.join(out, "logistic.onnx"))


class TanhNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(4, 2)
        with torch.no_grad():
            self.linear.weight.copy_(
                torch.tensor([[0.1, 0.2, -0.3, 0.4], [-0.5, 0.25, 0.125, -1.0]]))
            self.linear.bias.copy_(torch.tensor([0.05, -0.1]))

    def forward(self, x):
        return torch.tanh(self.linear(x))


torch.jit.script(TanhNet().eval()).save(os.path.join(out, "tanh_net.pt"))


torch.manual_seed(0)
mlp = torch.nn.Sequential(
    torch.nn.Linear(16, 64),
    torch.nn.ReLU(),
    torch.nn.Linear(64, 64),
    torch.nn.ReLU(),
    torch.nn.Linear(64, 1),
    torch.nn.Sigmoid(),
).eval()
torch.jit.script(mlp).save(os.path.join(out, "mlp.pt"))
torch.onnx.export(
    mlp,
    torch.zeros(1, 16),
    os.path.join(out, "mlp.onnx"),
    input_names=["features"],
    output_names=["probability"],
    dynamic_axes={"features": {0: "N"}, "probability": {0: "N"}},
    opset_version=13,
)
