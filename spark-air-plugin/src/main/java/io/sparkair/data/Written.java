package io.sparkair.data;

import java.io.Serializable;

/**
 * A block written by a conversion task, with the source partition it came from.
 *
 * @param partition the index of the source DataFrame's partition
 * @param block the block
 */
record Written(int partition, BlockRef block) implements Serializable {}
