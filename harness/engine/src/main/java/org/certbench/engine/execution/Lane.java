package org.certbench.engine.execution;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The thread a device's cases run on, one case at a time. A case that overruns its deadline is
 * interrupted; if its thread does not stop within a short grace, the lane abandons it (a daemon thread
 * that can no longer touch the case's sealed evidence) and goes on with a fresh thread.
 *
 * <pre>{@code
 * Lane.Run run = lane.start(() -> { invoke(); return null; });
 * run.future().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
 * }</pre>
 */
public final class Lane implements AutoCloseable {

    private final String name;
    private ExecutorService executor;
    private int generation;

    public Lane(String name) {
        this.name = name;
        this.executor = newExecutor();
    }

    /** A case started on the lane, with a latch that opens when its thread has really finished. */
    public record Run(Future<?> future, CountDownLatch finished) {
    }

    /** Starts a task on the lane's thread. */
    public synchronized Run start(Callable<?> task) {
        CountDownLatch finished = new CountDownLatch(1);
        Future<?> future = executor.submit(() -> {
            try {
                return task.call();
            } finally {
                finished.countDown();
            }
        });
        return new Run(future, finished);
    }

    /**
     * Interrupts an overrunning case and waits {@code graceMillis} for its thread to stop.
     *
     * @return true if the thread stopped; false if it was abandoned and the lane got a new thread
     */
    public synchronized boolean stop(Run run, long graceMillis) throws InterruptedException {
        run.future().cancel(true);
        if (run.finished().await(graceMillis, TimeUnit.MILLISECONDS)) {
            return true;
        }
        executor.shutdownNow();
        executor = newExecutor();
        return false;
    }

    private ExecutorService newExecutor() {
        String threadName = "certbench-lane-" + name + "-" + generation++;
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void close() {
        executor.shutdownNow();
    }
}
