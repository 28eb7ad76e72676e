package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The server JVM's heap after a full GC, read with {@code jcmd} (GC.run, then GC.heap_info). */
final class JvmHeap {

    private JvmHeap() {
    }

    /** The heap_info line that names the used heap, e.g. "garbage-first heap total 262144K, used 98765K". */
    static String afterFullGc(long pid) {
        jcmd(pid, "GC.run");
        return jcmd(pid, "GC.heap_info").lines().filter(l -> l.contains("used")).findFirst().orElse("?").strip();
    }

    static String jcmd(long pid, String command) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
