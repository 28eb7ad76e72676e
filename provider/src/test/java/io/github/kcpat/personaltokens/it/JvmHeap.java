package io.github.kcpat.personaltokens.it;

/** The server JVM's heap after a full GC, read with {@code jcmd} (GC.run, then GC.heap_info). */
final class JvmHeap {

    private JvmHeap() {
    }

    /** The heap_info line that names the used heap, e.g. "garbage-first heap total 262144K, used 98765K". */
    static String afterFullGc(long pid) {
        // Right after a load the server still drains queued work (session and event writes); what
        // that allocates after the collection would count as used heap.
        ServerCpu.awaitIdle(pid, WrkRounds.IDLE_MAX_SECONDS);
        jcmd(pid, "GC.run");
        return jcmd(pid, "GC.heap_info").lines().filter(l -> l.contains("used")).findFirst().orElse("?").strip();
    }

    /**
     * The histogram's header, its {@code count} largest classes by bytes and its "Total" line:
     * every live object, counted by the JVM after the full GC the histogram runs first.
     */
    static String largestClasses(long pid, int count) {
        java.util.List<String> lines = jcmd(pid, "GC.class_histogram").lines().toList();
        java.util.List<String> shown = new java.util.ArrayList<>(lines.subList(0, Math.min(lines.size(), count + 3)));
        lines.stream().filter(l -> l.startsWith("Total")).findFirst().ifPresent(shown::add);
        return String.join("\n", shown);
    }

    static String jcmd(long pid, String command) {
        return CommandOutput.of(java.util.List.of("jcmd", Long.toString(pid), command));
    }
}
