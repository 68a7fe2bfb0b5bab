package org.rectrack.gateway.readmodel;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the consumers and a rebuild apart: the consumers apply events while the gate is open (many at once),
 * a rebuild closes it and has the read model to itself until it has replayed both topics. Without it, a
 * consumer could apply version 5 of an aggregate into the wiped model before the replay reached version 1,
 * and the replay would then ignore versions 1 to 4 as old.
 */
@ApplicationScoped
public class RebuildGate {

    /** Fair, so a waiting rebuild is not starved by a steady stream of events. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    public <T> T whileOpen(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T closed(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
