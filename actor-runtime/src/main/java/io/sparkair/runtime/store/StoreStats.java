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
package io.sparkair.runtime.store;

/**
 * A snapshot of an object store's contents.
 *
 * @param blocks blocks held, in memory or spilled
 * @param bytesInMemory bytes of blocks held in memory
 * @param bytesSpilled bytes of blocks spilled to local disk
 * @param budgetBytes the memory budget past which blocks spill
 * @param spills how many times a block was spilled
 * @param reloads how many times a spilled block was read back
 */
public record StoreStats(
    int blocks,
    long bytesInMemory,
    long bytesSpilled,
    long budgetBytes,
    long spills,
    long reloads) {}
