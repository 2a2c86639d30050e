/** The object store: blocks of Arrow record batches, spill to disk, and Flight transfer. */
package io.sparkair.runtime.store;
