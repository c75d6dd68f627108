package dev.diplograph.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Renders each Kustomize overlay with kubectl, reads every object into the typed fabric8
 * Kubernetes model (an unknown kind or a misspelt field fails), and cross-checks the manifests
 * against the application: port, probe paths, the environment it reads, the image the build makes.
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final Set<String> HEALTH = Set.of("/q/health/started", "/q/health/live", "/q/health/ready");
    /** Keys of the standard datasource variables that Quarkus reads (set through the Secret). */
    static final Set<String> QUARKUS_DATASOURCE = Set.of("QUARKUS_DATASOURCE_DB_KIND", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    static List<HasMetadata> render(String overlay) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || onPath("kubectl"),
                "kubectl is needed to render the overlays (.ci/run installs it)");
        Process process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "kubectl kustomize failed:\n" + yaml);
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                objects.add(Serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return objects;
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = { "embedded", "postgres" })
    void everyObjectIsAValidKubernetesObject(String overlay) throws Exception {
        for (HasMetadata object : render(overlay)) {
            assertFalse(object instanceof GenericKubernetesResource, "unknown kind " + object.getKind());
            List<String> unknown = new ArrayList<>();
            unknownFields(object, object.getKind(), unknown);
            assertTrue(unknown.isEmpty(), "fields the Kubernetes API does not know: " + unknown);
            assertNotNull(object.getMetadata().getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "embedded", "postgres" })
    void theDeploymentFitsTheApplication(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        Deployment deployment = only(objects, Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);

        assertEquals(httpPort(), container.getPorts().get(0).getContainerPort(), "container port = quarkus.http.port");
        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
                container.getReadinessProbe())) {
            assertTrue(HEALTH.contains(probe.getHttpGet().getPath()), probe.getHttpGet().getPath());
        }
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());

        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        assertNotNull(container.getResources().getLimits().get("memory"));
        assertNotNull(container.getResources().getRequests().get("memory"));

        long delay = seconds(config(objects).get("QUARKUS_SHUTDOWN_DELAY"));
        long timeout = seconds(config(objects).get("QUARKUS_SHUTDOWN_TIMEOUT"));
        assertTrue(pod.getTerminationGracePeriodSeconds() > delay + timeout,
                "terminationGracePeriodSeconds must exceed shutdown delay + timeout");
        assertEquals("true", deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/scrape"));

        assertEquals(imageOfTheBuild(), container.getImage(), "the image the Dockerfile builds");

        Set<String> known = knownEnvironment();
        Set<String> used = new HashSet<>(config(objects).keySet());
        if (container.getEnv() != null) {
            container.getEnv().stream().map(EnvVar::getName).forEach(used::add);
        }
        for (String name : used) {
            assertTrue(known.contains(name), name + " is not a configuration key the service reads");
        }
        for (EnvFromSource source : container.getEnvFrom()) {
            assertTrue(source.getConfigMapRef() != null || source.getSecretRef() != null);
        }

        NetworkPolicy policy = only(objects, NetworkPolicy.class);
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        assertEquals(httpPort(), policy.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal());
    }

    @ParameterizedTest
    @ValueSource(strings = { "embedded", "postgres" })
    void replicasFitTheDatabase(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        Deployment deployment = only(objects, Deployment.class);
        if (overlay.equals("embedded")) {
            assertEquals(1, deployment.getSpec().getReplicas(), "H2 in a file serves one replica");
            assertEquals("Recreate", deployment.getSpec().getStrategy().getType());
            assertTrue(objects.stream().anyMatch(o -> o.getKind().equals("PersistentVolumeClaim")));
        } else {
            assertTrue(deployment.getSpec().getReplicas() >= 2);
            assertTrue(objects.stream().anyMatch(o -> o.getKind().equals("HorizontalPodAutoscaler")));
            assertTrue(objects.stream().anyMatch(o -> o.getKind().equals("PodDisruptionBudget")));
            assertTrue(objects.stream().noneMatch(o -> o.getKind().equals("Secret")), "the Secret is not committed");
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertTrue(container.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null
                    && "diplograph-datasource".equals(e.getSecretRef().getName())));
        }
    }

    /** Collects the paths of fields the typed model did not know (they land in additionalProperties). */
    static void unknownFields(Object node, String path, List<String> unknown) throws Exception {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node.getClass().isEnum()) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), unknown);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    static <T> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "exactly one " + type.getSimpleName());
        return found.get(0);
    }

    static Map<String, String> config(List<HasMetadata> objects) {
        return objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals("diplograph-config")).findFirst().orElseThrow()
                .getData();
    }

    static long seconds(String duration) {
        assertNotNull(duration);
        assertTrue(duration.endsWith("s"), duration);
        return Long.parseLong(duration.substring(0, duration.length() - 1));
    }

    static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The default of quarkus.http.port, written as ${PORT:8080}. */
    static int httpPort() throws IOException {
        Matcher m = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(applicationProperties().getProperty("quarkus.http.port"));
        assertTrue(m.matches());
        return Integer.parseInt(m.group(1));
    }

    /**
     * Environment variables the service reads: every key of application.properties and of the
     * diplograph @ConfigMapping, in SmallRye Config's environment form, plus the standard datasource
     * and JWT variables the postgres overlay's Secret carries.
     */
    static Set<String> knownEnvironment() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String key : applicationProperties().stringPropertyNames()) {
            keys.add(key.replaceFirst("^%[a-z]+\\.", ""));
        }
        keys.addAll(List.of("diplograph.data-dir", "diplograph.editor-token.value", "diplograph.editor-token.enabled",
                "diplograph.datasets.max-body-size", "diplograph.seed.enabled", "diplograph.seed.resource"));
        Set<String> env = new HashSet<>(QUARKUS_DATASOURCE);
        env.addAll(Set.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "DIPLOGRAPH_EDITOR_TOKEN"));
        for (String key : keys) {
            env.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return env;
    }

    /** The image name and tag the Dockerfile's usage line builds: name from the Dockerfile, tag = version. */
    static String imageOfTheBuild() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.native-micro"));
        Matcher tag = Pattern.compile("-t (\\S+):(\\S+) ").matcher(dockerfile);
        assertTrue(tag.find(), "the Dockerfile documents its docker build command");
        Matcher version = Pattern.compile("<artifactId>diplograph</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        assertEquals(version.group(1), tag.group(2), "the documented tag is the project version");
        return tag.group(1) + ":" + tag.group(2);
    }
}
