/** The cluster directory (on the head) and the per-node host service. */
package io.sparkair.runtime.cluster;
