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
package io.sparkair.runtime.actor;

import java.io.Serializable;

/**
 * A call on an actor: a function of the actor's instance, run inside the actor's mailbox.
 *
 * <p>Calls to a remote actor are shipped with Java serialization, so everything the function
 * captures must be serializable. A method reference or a lambda that captures nothing is encoded
 * once per connection and sent by id afterwards, which makes it the cheapest call.
 *
 * @param <A> the actor's class
 * @param <R> the result type
 */
@FunctionalInterface
public interface ActorCall<A, R> extends Serializable {
  /** Runs the call on the actor's instance. */
  R apply(A actor) throws Exception;
}
