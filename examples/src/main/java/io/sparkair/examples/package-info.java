/** Runnable Spark AIR programs: the seed walkthroughs, starting with {@code HelloActors}. */
package io.sparkair.examples;
