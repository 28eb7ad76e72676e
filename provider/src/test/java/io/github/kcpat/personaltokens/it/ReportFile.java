package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * docs/bench/report.md is written by more than one benchmark: each owns one "## " section and
 * replaces only that one, so that running one benchmark keeps the other's last results.
 */
final class ReportFile {

    private ReportFile() {
    }

    /** Replaces the section that starts with {@code heading} (a "## " line), or appends it. */
    static void replaceSection(Path file, String heading, String section) throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String part : ("\n" + Files.readString(file)).split("\n(?=## )")) {
                // Text before the first heading is a report from before sections: it is replaced.
                if (part.startsWith("## ")) {
                    sections.put(part.lines().findFirst().orElse("").strip(), part.strip() + "\n");
                }
            }
        }
        sections.put(heading, section.strip() + "\n");
        Files.writeString(file, String.join("\n", sections.values()));
    }
}
