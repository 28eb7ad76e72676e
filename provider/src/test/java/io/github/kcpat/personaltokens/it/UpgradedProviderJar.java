package io.github.kcpat.personaltokens.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Stands in for "the next release": the current provider JAR with one more dated changeset added
 * to the master changelog, exactly as a real schema change would be shipped.
 */
final class UpgradedProviderJar {

    static final String CHANGESET_ID = "2099-01-01-upgrade-check";
    private static final String MASTER = "META-INF/personal-tokens/changelog-master.xml";
    private static final String NEW_FILE = "META-INF/personal-tokens/changelog/" + CHANGESET_ID + ".xml";

    private UpgradedProviderJar() {
    }

    static Path build(Path current, Path target) throws IOException {
        try (ZipFile in = new ZipFile(current.toFile());
             OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    byte[] bytes = data.readAllBytes();
                    if (entry.getName().equals(MASTER)) {
                        String master = new String(bytes, StandardCharsets.UTF_8);
                        if (!master.contains("</databaseChangeLog>")) {
                            throw new IllegalStateException("unexpected master changelog");
                        }
                        bytes = master.replace("</databaseChangeLog>",
                                "    <include file=\"" + NEW_FILE + "\"/>\n</databaseChangeLog>").getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(NEW_FILE));
            out.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                       xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
                        <changeSet author="upgrade-test" id="%s">
                            <addColumn tableName="KCPAT_PERSONAL_TOKEN">
                                <column name="UPGRADE_CHECK" type="VARCHAR(10)"/>
                            </addColumn>
                        </changeSet>
                    </databaseChangeLog>
                    """.formatted(CHANGESET_ID)).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return target;
    }
}
