package io.github.kcpat.personaltokens.it;

/** The server JVM's heap after a full GC, read with {@code jcmd} (GC.run, then GC.heap_info). */
final class JvmHeap {

    private JvmHeap() {
    }

    /** The heap_info line that names the used heap, e.g. "garbage-first heap total 262144K, used 98765K". */
    static String afterFullGc(long pid) {
        jcmd(pid, "GC.run");
        return jcmd(pid, "GC.heap_info").lines().filter(l -> l.contains("used")).findFirst().orElse("?").strip();
    }

    /** The histogram's header and its {@code count} largest classes by bytes; the histogram runs a full GC first. */
    static String largestClasses(long pid, int count) {
        return jcmd(pid, "GC.class_histogram").lines().limit(count + 3L).collect(java.util.stream.Collectors.joining("\n"));
    }

    static String jcmd(long pid, String command) {
        return CommandOutput.of(java.util.List.of("jcmd", Long.toString(pid), command));
    }
}
