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
 * A typed one-argument actor method, in the style of Ray's {@code actor.task(Counter::add, 5)}.
 *
 * <p>Pass a method reference ({@code Counter::add}); the argument travels separately from the
 * function, so a remote call does not re-serialize the function each time.
 *
 * @param <A> the actor's class
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface ActorMethod1<A, T, R> extends Serializable {
  /** Runs the method on the actor's instance with one argument. */
  R apply(A actor, T arg) throws Exception;
}
