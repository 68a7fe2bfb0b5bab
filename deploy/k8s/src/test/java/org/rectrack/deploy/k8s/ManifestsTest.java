package org.rectrack.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.k8s.Manifests.Resource;
import org.rectrack.events.Topics;

/**
 * The manifests of deploy/k8s hold together: every name one resource gives another (ConfigMaps, Secrets and their
 * keys, Services and their ports, pods' labels, the database cluster and its databases and roles, the Kafka cluster
 * and its topics) exists as it is looked up, which is what {@code kubectl apply} does not check and what breaks a
 * rollout at its first start.
 */
class ManifestsTest {

    private static final Path FOLDER = Path.of(System.getProperty("user.dir"));
    private static final Path PROJECT = FOLDER.resolve("../..").normalize();
    private static final Manifests MANIFESTS = Manifests.in(FOLDER);
    private static final List<String> SERVICES = List.of("recommendations-service", "evidence-service", "gateway");

    @Test
    void everyResourceHasAKindANameAndIsDeclaredOnce() {
        assertThat(MANIFESTS.all()).hasSizeGreaterThan(10);
        Set<String> seen = new HashSet<>();
        for (Resource resource : MANIFESTS.all()) {
            assertThat(resource.document().path("apiVersion").asText()).as(resource.toString()).isNotEmpty();
            assertThat(resource.kind()).as(resource.toString()).isNotEmpty();
            assertThat(resource.name()).as(resource.toString()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            assertThat(seen.add(resource.kind() + "/" + resource.name())).as("declared twice: " + resource).isTrue();
        }
    }

    @Test
    void everyServiceRunsAsSeveralInstancesThatADisruptionLeavesServing() {
        for (String service : SERVICES) {
            Resource deployment = MANIFESTS.find("Deployment", service).orElseThrow();
            int replicas = deployment.spec().path("replicas").asInt();
            assertThat(replicas).as(deployment.toString()).isGreaterThanOrEqualTo(2);
            List<Resource> budgets = MANIFESTS.ofKind("PodDisruptionBudget").stream()
                    .filter(budget -> selects(budget, deployment)).toList();
            assertThat(budgets).as("the disruption budget of " + deployment).hasSize(1);
            assertThat(budgets.getFirst().spec().path("minAvailable").asInt()).isBetween(1, replicas - 1);
        }
    }

    @Test
    void theGatewayScalesWithItsLoadAndNeverBelowItsDisruptionBudget() {
        Resource autoscaler = MANIFESTS.ofKind("HorizontalPodAutoscaler").getFirst();
        JsonNode target = autoscaler.spec().path("scaleTargetRef");
        assertThat(target.path("kind").asText()).isEqualTo("Deployment");
        assertThat(target.path("name").asText()).isEqualTo("gateway");
        assertThat(MANIFESTS.find("Deployment", "gateway")).isPresent();
        int minimum = autoscaler.spec().path("minReplicas").asInt();
        assertThat(minimum).isGreaterThanOrEqualTo(2);
        assertThat(autoscaler.spec().path("maxReplicas").asInt()).isGreaterThan(minimum);
        assertThat(autoscaler.spec().path("metrics")).isNotEmpty();
    }

    @Test
    void everyConfigMapAndSecretADeploymentReadsExistsWithTheKeysItReads() {
        for (Resource deployment : MANIFESTS.ofKind("Deployment")) {
            JsonNode pod = deployment.spec().path("template").path("spec");
            pod.path("volumes").forEach(volume -> {
                if (volume.has("secret")) {
                    assertExists("Secret", volume.path("secret").path("secretName").asText(), null, deployment);
                }
            });
            for (JsonNode container : pod.path("containers")) {
                container.path("envFrom").forEach(source -> {
                    if (source.has("configMapRef")) {
                        assertExists("ConfigMap", source.path("configMapRef").path("name").asText(), null, deployment);
                    }
                    if (source.has("secretRef")) {
                        assertExists("Secret", source.path("secretRef").path("name").asText(), null, deployment);
                    }
                });
                container.path("env").forEach(variable -> {
                    JsonNode from = variable.path("valueFrom");
                    if (from.has("configMapKeyRef")) {
                        assertExists("ConfigMap", from.path("configMapKeyRef").path("name").asText(),
                                from.path("configMapKeyRef").path("key").asText(), deployment);
                    }
                    if (from.has("secretKeyRef")) {
                        assertExists("Secret", from.path("secretKeyRef").path("name").asText(),
                                from.path("secretKeyRef").path("key").asText(), deployment);
                    }
                });
                Set<String> mounts = new HashSet<>();
                container.path("volumeMounts").forEach(mount -> mounts.add(mount.path("name").asText()));
                Set<String> volumes = new HashSet<>();
                pod.path("volumes").forEach(volume -> volumes.add(volume.path("name").asText()));
                assertThat(volumes).as("volumes of " + deployment).containsAll(mounts);
            }
        }
    }

    @Test
    void everyServiceSelectsADeploymentsPodsOnAPortTheyOpenAndProbesUseOpenPorts() {
        for (Resource service : MANIFESTS.ofKind("Service")) {
            List<Resource> deployments = MANIFESTS.ofKind("Deployment").stream()
                    .filter(deployment -> selects(service, deployment)).toList();
            assertThat(deployments).as("the pods of " + service).hasSize(1);
            Map<String, Integer> opened = containerPorts(deployments.getFirst());
            for (JsonNode port : service.spec().path("ports")) {
                assertThat(opened).as(service + " targets a port its pods open").containsKey(port.path("targetPort").asText());
                assertThat(opened.get(port.path("targetPort").asText())).isEqualTo(port.path("port").asInt());
            }
        }
        for (Resource deployment : MANIFESTS.ofKind("Deployment")) {
            JsonNode template = deployment.spec().path("template");
            deployment.spec().path("selector").path("matchLabels").properties().forEach(label -> assertThat(
                    template.path("metadata").path("labels").path(label.getKey()).asText())
                    .as("the selector of " + deployment + " selects its own pods").isEqualTo(label.getValue().asText()));
            Map<String, Integer> opened = containerPorts(deployment);
            for (JsonNode container : template.path("spec").path("containers")) {
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    assertThat(container.path(probe).path("httpGet").path("path").asText()).as(probe).startsWith("/q/health/");
                    assertThat(opened).as(probe + " of " + deployment).containsKey(container.path(probe).path("httpGet").path("port").asText());
                }
            }
        }
    }

    @Test
    void theServicesAddressesInTheConfigurationAreServicesWithThosePorts() {
        Map<String, String> config = configMap();
        for (String key : List.of("RECTRACK_SERVICES_RECOMMENDATIONS_ADDRESSES", "RECTRACK_SERVICES_EVIDENCE_ADDRESSES")) {
            assertThat(config).containsKey(key);
            URI address = URI.create("http://" + config.get(key));
            Resource service = MANIFESTS.find("Service", address.getHost()).orElseThrow(
                    () -> new AssertionError(key + " names no Service: " + address));
            assertThat(service.spec().path("ports").findValuesAsText("port")).as(key).contains(String.valueOf(address.getPort()));
        }
    }

    @Test
    void eachServiceLogsIntoItsOwnDatabaseOfTheClusterAsARoleTheClusterManages() {
        Resource cluster = MANIFESTS.ofKind("Cluster").getFirst();
        Map<String, String> roleSecrets = new HashMap<>();
        cluster.spec().path("managed").path("roles").forEach(role -> roleSecrets.put(role.path("name").asText(),
                role.path("passwordSecret").path("name").asText()));
        Map<String, String> config = configMap();
        for (Resource deployment : MANIFESTS.ofKind("Deployment")) {
            Map<String, JsonNode> env = env(deployment);
            String urlKey = env.get("QUARKUS_DATASOURCE_JDBC_URL").path("valueFrom").path("configMapKeyRef").path("key").asText();
            URI jdbc = URI.create(config.get(urlKey).substring("jdbc:".length()));
            assertThat(jdbc.getHost()).as(urlKey + ": the cluster's read-write Service").isEqualTo(cluster.name() + "-rw");
            String databaseName = jdbc.getPath().substring(1);
            Resource database = MANIFESTS.ofKind("Database").stream()
                    .filter(d -> d.spec().path("name").asText().equals(databaseName)).findFirst()
                    .orElseThrow(() -> new AssertionError(urlKey + " names no Database: " + databaseName));
            assertThat(database.spec().path("cluster").path("name").asText()).isEqualTo(cluster.name());

            String secretName = env.get("QUARKUS_DATASOURCE_USERNAME").path("valueFrom").path("secretKeyRef").path("name").asText();
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").path("valueFrom").path("secretKeyRef").path("name").asText())
                    .as("user and password of " + deployment + " from one Secret").isEqualTo(secretName);
            Resource secret = MANIFESTS.find("Secret", secretName).orElseThrow();
            assertThat(secret.document().path("type").asText()).isEqualTo("kubernetes.io/basic-auth");
            String role = secret.document().path("stringData").path("username").asText();
            assertThat(database.spec().path("owner").asText()).as(deployment + " owns its database").isEqualTo(role);
            assertThat(roleSecrets).as("the cluster sets the password of " + role + " from " + secretName)
                    .containsEntry(role, secretName);
        }
        assertThat(MANIFESTS.ofKind("Database")).hasSize(SERVICES.size());
    }

    @Test
    void theKafkaClusterIsTheOneTheServicesBootstrapFromAndHoldsEveryTopicTheyUse() throws IOException {
        Resource kafka = MANIFESTS.ofKind("Kafka").getFirst();
        URI bootstrap = URI.create("kafka://" + configMap().get("KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(bootstrap.getHost()).isEqualTo(kafka.name() + "-kafka-bootstrap");
        assertThat(kafka.spec().path("kafka").path("listeners").findValuesAsText("port"))
                .contains(String.valueOf(bootstrap.getPort()));
        int nodes = 0;
        for (Resource pool : MANIFESTS.ofKind("KafkaNodePool")) {
            assertThat(label(pool, "strimzi.io/cluster")).isEqualTo(kafka.name());
            nodes += pool.spec().path("replicas").asInt();
        }

        Map<String, Resource> topics = new HashMap<>();
        for (Resource topic : MANIFESTS.ofKind("KafkaTopic")) {
            assertThat(label(topic, "strimzi.io/cluster")).as(topic.toString()).isEqualTo(kafka.name());
            assertThat(topic.spec().path("replicas").asInt()).as(topic + ": replicas within the brokers").isBetween(1, nodes);
            topics.put(topic.spec().path("topicName").asText(topic.name()), topic);
        }
        for (String eventTopic : List.of(Topics.RECOMMENDATIONS, Topics.EVIDENCE)) {
            Resource topic = topics.get(eventTopic);
            assertThat(topic).as(eventTopic).isNotNull();
            JsonNode config = topic.spec().path("config");
            assertThat(config.path("message.timestamp.type").asText()).as("knownAt is the broker's append time")
                    .isEqualTo("LogAppendTime");
            assertThat(config.path("retention.ms").asLong()).as("the read model is rebuilt from the whole topic").isEqualTo(-1);
            assertThat(topic.spec().path("partitions").asInt()).isGreaterThan(1);
        }
        assertThat(topics.keySet()).as("the dead-letter topics the services' consumers write to")
                .containsAll(deadLetterTopics());
    }

    private static List<String> deadLetterTopics() throws IOException {
        List<String> named = new ArrayList<>();
        for (String service : SERVICES) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(PROJECT.resolve(service + "/src/main/resources/application.properties"))) {
                properties.load(in);
            }
            properties.stringPropertyNames().stream().filter(key -> key.endsWith(".dead-letter-queue.topic"))
                    .forEach(key -> named.add(properties.getProperty(key)));
        }
        assertThat(named).isNotEmpty();
        return named;
    }

    private static void assertExists(String kind, String name, String key, Resource user) {
        Resource found = MANIFESTS.find(kind, name)
                .orElseThrow(() -> new AssertionError(user + " reads " + kind + " " + name + ", which is not declared"));
        if (key != null) {
            JsonNode document = found.document();
            assertThat(document.path("data").has(key) || document.path("stringData").has(key))
                    .as(user + " reads key " + key + " of " + found).isTrue();
        }
    }

    private static Map<String, String> configMap() {
        Map<String, String> data = new HashMap<>();
        MANIFESTS.find("ConfigMap", "rectrack-config").orElseThrow().document().path("data").properties()
                .forEach(entry -> data.put(entry.getKey(), entry.getValue().asText()));
        return data;
    }

    private static Map<String, JsonNode> env(Resource deployment) {
        Map<String, JsonNode> env = new HashMap<>();
        Consumer<JsonNode> add = variable -> env.put(variable.path("name").asText(), variable);
        deployment.spec().path("template").path("spec").path("containers").forEach(c -> c.path("env").forEach(add));
        return env;
    }

    private static Map<String, Integer> containerPorts(Resource deployment) {
        Map<String, Integer> ports = new HashMap<>();
        deployment.spec().path("template").path("spec").path("containers").forEach(container -> container
                .path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt())));
        return ports;
    }

    private static String label(Resource resource, String name) {
        return resource.document().path("metadata").path("labels").path(name).asText();
    }

    /** Whether the selector (a Service's, a budget's) selects the Deployment's pods: all of its labels, at least one. */
    private static boolean selects(Resource selector, Resource deployment) {
        JsonNode labels = deployment.spec().path("template").path("metadata").path("labels");
        Map<String, String> wanted = selectorOf(selector);
        return !wanted.isEmpty() && wanted.entrySet().stream()
                .allMatch(label -> label.getValue().equals(labels.path(label.getKey()).asText(null)));
    }

    private static Map<String, String> selectorOf(Resource selector) {
        JsonNode node = selector.kind().equals("Service") ? selector.spec().path("selector")
                : selector.spec().path("selector").path("matchLabels");
        Map<String, String> labels = new HashMap<>();
        node.properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        return labels;
    }
}
