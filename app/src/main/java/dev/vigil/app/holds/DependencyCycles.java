package dev.vigil.app.holds;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds a cycle in a project's "depends on" graph. Iterative depth-first search (a project's checks may form long
 * chains, and a recursive search would overflow the stack on them); written by hand because the graph is one small
 * map and a graph library would be a dependency for twenty lines.
 */
public final class DependencyCycles {

    private DependencyCycles() {
    }

    /** A cycle, as the checks along it with the first repeated at the end (a, b, a), or empty when there is none. */
    public static <T> Optional<List<T>> find(Map<T, List<T>> dependsOn) {
        Map<T, Integer> state = new HashMap<>(); // absent: unseen, 1: on the current path, 2: done
        for (T start : dependsOn.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<T> path = new ArrayDeque<>();
            Deque<Iterator<T>> next = new ArrayDeque<>();
            path.push(start);
            next.push(dependsOn.getOrDefault(start, List.of()).iterator());
            state.put(start, 1);
            while (!path.isEmpty()) {
                Iterator<T> it = next.peek();
                if (!it.hasNext()) {
                    state.put(path.pop(), 2);
                    next.pop();
                    continue;
                }
                T to = it.next();
                Integer s = state.get(to);
                if (s == null) {
                    state.put(to, 1);
                    path.push(to);
                    next.push(dependsOn.getOrDefault(to, List.of()).iterator());
                } else if (s == 1) {
                    List<T> cycle = new ArrayList<>();
                    for (T t : path) { // from the top of the stack down to where the cycle starts
                        cycle.add(t);
                        if (t.equals(to)) {
                            break;
                        }
                    }
                    Collections.reverse(cycle);
                    cycle.add(to);
                    return Optional.of(List.copyOf(cycle));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a graph with a cycle, naming it: "depends_on would make a cycle: backups -> db -> backups".
     *
     * @throws IllegalArgumentException with that message
     */
    public static <T> void refuseCycles(Map<T, List<T>> dependsOn, Function<T, String> name) {
        find(dependsOn).ifPresent(cycle -> {
            throw new IllegalArgumentException("depends_on would make a cycle: "
                    + String.join(" -> ", cycle.stream().map(name).toList()));
        });
    }
}
