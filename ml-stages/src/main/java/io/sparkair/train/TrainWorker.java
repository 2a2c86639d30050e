package io.sparkair.train;

import java.util.Map;

/** The actor of one training worker: runs the loop for one attempt, then waits for the next. */
final class TrainWorker {
  Void run(TrainLoop loop, Map<String, Object> config, WorkerSetup setup) throws Exception {
    WorkerContext context = new WorkerContext(setup);
    loop.run(config, context);
    context.awaitPending();
    return null;
  }
}
