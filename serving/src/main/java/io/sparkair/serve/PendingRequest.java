package io.sparkair.serve;

import java.util.concurrent.CompletableFuture;

/** Rows waiting for a replica, and the future their predictions complete. */
final class PendingRequest {
  final ColumnBatch rows;
  final CompletableFuture<ColumnBatch> result = new CompletableFuture<>();

  PendingRequest(ColumnBatch rows) {
    this.rows = rows;
  }
}
