package io.github.customeremail.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Joins the futures of a check's independent parts, in order. */
final class Parts {

    private Parts() {
    }

    static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(x -> {
            List<T> out = new ArrayList<>(parts.size());
            for (CompletableFuture<T> p : parts) {
                out.add(p.join());
            }
            return out;
        });
    }

    static <T> CompletableFuture<List<T>> flat(List<CompletableFuture<List<T>>> parts) {
        return all(parts).thenApply(lists -> {
            List<T> out = new ArrayList<>();
            lists.forEach(out::addAll);
            return out;
        });
    }
}
