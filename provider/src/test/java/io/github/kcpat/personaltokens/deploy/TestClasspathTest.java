package io.github.kcpat.personaltokens.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The integration tests use Keycloak's admin client 26.0.12 against a 26.7.3 server. Its
 * keycloak-client-common-synced JAR, which repeats keycloak-core's representations as of an older
 * release, is excluded in the POM, so each class the admin client and the tests share must exist
 * exactly once on the test classpath, and come from the 26.7.3 JARs the provider compiles against.
 */
class TestClasspathTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "org/keycloak/representations/idm/RealmRepresentation.class",
            "org/keycloak/representations/idm/AdminEventRepresentation.class",
            "org/keycloak/representations/AccessTokenResponse.class",
            "org/keycloak/common/util/Time.class",
            "org/keycloak/util/JsonSerialization.class"})
    void sharedKeycloakClassesComeOnceFromThe2673Jars(String resource) throws IOException {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources(resource));
        assertEquals(1, copies.size(), "copies of " + resource + ": " + copies);
        String jar = copies.get(0).toString();
        assertTrue(jar.matches(".*/keycloak-(core|common)-26\\.7\\.3\\.jar!/.*"), jar);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"keycloak-admin-client", "keycloak-client-common-synced"})
    void theAdminClientIsThereWithoutItsSyncedCopy(String artifact) throws IOException {
        String marker = "META-INF/maven/org.keycloak/" + artifact + "/pom.properties";
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(marker));
        assertEquals(artifact.equals("keycloak-admin-client") ? 1 : 0, found.size(), artifact + ": " + found);
    }
}
