/**
 * Collectives between the workers of a group (all-reduce, broadcast, barrier) over persistent
 * peer-to-peer streams: {@link io.sparkair.runtime.collective.Collective} is a worker's handle,
 * {@link io.sparkair.runtime.collective.CollectiveGroup} the driver-side actor that introduces the
 * workers and records a failure. Arrays travel as raw little-endian values, never Java-serialized.
 */
package io.sparkair.runtime.collective;
