package org.openebr.recipe.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sequence of a recipe's steps as a graph: each step points to the steps it runs after.
 * Unknown ids in {@code after} are left out here (the validator reports them), so the graph can
 * still be checked for cycles and used for the "available before" rule of calculations.
 */
final class StepGraph {

    private final Map<String, PlacedStep> steps;

    /** @param steps every step with a unique id, in document order */
    StepGraph(Map<String, PlacedStep> steps) {
        this.steps = steps;
    }

    /** The ids this step runs after, directly, that exist. */
    private List<String> after(String id) {
        List<String> after = steps.get(id).step().after();
        return after == null ? List.of() : after.stream().filter(steps::containsKey).toList();
    }

    /**
     * The cycles met by a depth-first search in document order (at least one for every group of
     * steps that wait for each other), each as a problem on the {@code after} of the step where the
     * search closed it. A cycle means none of its steps could ever start, so the recipe could not be executed.
     */
    List<Problem> cycles() {
        List<Problem> problems = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<Set<String>> reported = new HashSet<>();
        for (String start : steps.keySet()) {
            if (!done.contains(start)) {
                search(start, new ArrayList<>(), new HashSet<>(), done, reported, problems);
            }
        }
        return problems;
    }

    private void search(String id, List<String> path, Set<String> onPath, Set<String> done,
            Set<Set<String>> reported, List<Problem> problems) {
        path.add(id);
        onPath.add(id);
        for (String previous : after(id)) {
            if (onPath.contains(previous)) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(previous), path.size()));
                if (reported.add(new HashSet<>(cycle))) {
                    cycle.add(previous);
                    problems.add(new Problem(steps.get(id).path() + ".after",
                            "the steps wait for each other in a cycle: " + String.join(" -> ", cycle)
                                    + " (each runs after the next), so none of them can start"));
                }
            } else if (!done.contains(previous)) {
                search(previous, path, onPath, done, reported, problems);
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(id);
        done.add(id);
    }

    /** The ids of all steps that are finished before this one starts: its {@code after}, transitively. */
    Set<String> predecessors(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(after(id));
        while (!next.isEmpty()) {
            String step = next.pop();
            if (seen.add(step)) {
                next.addAll(after(step));
            }
        }
        seen.remove(id); // a step in a cycle with itself is not its own predecessor
        return seen;
    }

    static Map<String, PlacedStep> byId(List<PlacedStep> placed) {
        Map<String, PlacedStep> byId = new LinkedHashMap<>();
        placed.forEach(p -> byId.putIfAbsent(p.id(), p));
        return byId;
    }
}
