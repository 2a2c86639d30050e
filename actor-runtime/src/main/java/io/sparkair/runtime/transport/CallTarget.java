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
package io.sparkair.runtime.transport;

/**
 * Where a remote call goes and how to describe it in errors.
 *
 * @param actorId the actor's id on the remote runtime
 * @param actorDescription the actor's name, or its id, for messages
 * @param node the node that hosts the actor
 */
public record CallTarget(long actorId, String actorDescription, String node) {}
