package io.github.kcpat.personaltokens.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Fires requests at the same moment from many threads: races are tested, not slept around. */
final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code request(i)} for i = 0..n-1 at once; returns the answers in order of i. */
    static List<Http.Res> run(int n, IntFunction<Http.Res> request) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Res>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Http.Res> answers = new ArrayList<>();
            for (Future<Http.Res> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<Http.Res> answers, int status) {
        return answers.stream().filter(r -> r.status() == status).count();
    }
}
