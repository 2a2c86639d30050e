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
package io.sparkair.runtime.cluster;

import java.io.Serializable;

/**
 * A runtime that can host actors and blocks, as it registers with the head.
 *
 * @param nodeId the executor id ("driver" for the driver in local mode)
 * @param address its runtime address, host:port
 * @param cpus cores it offers to actors
 * @param gpus GPUs it offers to actors
 * @param storeBudgetBytes its object store's memory budget
 * @param pid the JVM's process id
 */
public record NodeInfo(
    String nodeId, String address, int cpus, int gpus, long storeBudgetBytes, long pid)
    implements Serializable {}
