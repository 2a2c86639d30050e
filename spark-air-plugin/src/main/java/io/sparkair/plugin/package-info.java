/**
 * The Spark plugin that runs a Spark AIR actor runtime in every executor, and {@link
 * io.sparkair.plugin.Air}, the entry point of an application.
 */
package io.sparkair.plugin;
