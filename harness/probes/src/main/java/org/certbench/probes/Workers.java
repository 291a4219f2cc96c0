package org.certbench.probes;

/**
 * Several connections waited on at once within one probe call: a probe's own threads, started and joined here.
 */
public final class Workers {

    private Workers() {
    }

    /**
     * Runs {@code worker} on {@code threads} threads named {@code name-N} and waits for them all, for probes that
     * wait on several connections at once; each worker takes its next piece of work itself (an index, say). The
     * workers must end by themselves: every wait they make is bounded by the probe's deadline.
     *
     * <pre>{@code
     * AtomicInteger next = new AtomicInteger();
     * Workers.run("certbench-identify", 4, () -> { for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) ... });
     * }</pre>
     *
     * @throws InterruptedException if the waiting thread is interrupted (the workers, daemons, end on their own)
     */
    public static void run(String name, int threads, Runnable worker) throws InterruptedException {
        if (threads <= 1) {
            worker.run();
            return;
        }
        java.util.List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(worker, name + "-" + t);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
    }

}
