package pigeon.smtp.relay;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where idle workers wait for new mail or the next poll. A signal between a worker's look at the
 * queue and its wait is not lost: the worker passes the generation it saw before looking.
 */
final class Wakeup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;

    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    void signal() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code max} unless there was a signal since {@code seen}. */
    void await(long seen, Duration max) throws InterruptedException {
        lock.lock();
        try {
            long nanos = max.toNanos();
            while (generation == seen && nanos > 0) nanos = changed.awaitNanos(nanos);
        } finally {
            lock.unlock();
        }
    }
}
