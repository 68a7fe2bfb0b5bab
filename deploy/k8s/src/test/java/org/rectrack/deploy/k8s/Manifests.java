package org.rectrack.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Every resource of the manifests in a folder ({@code *.yaml}, several documents a file), read with Jackson's YAML. */
final class Manifests {

    /** One resource: the file it is in, and its document. */
    record Resource(Path file, JsonNode document) {

        String kind() {
            return document.path("kind").asText();
        }

        String name() {
            return document.path("metadata").path("name").asText();
        }

        JsonNode spec() {
            return document.path("spec");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file.getFileName() + ")";
        }
    }

    private final List<Resource> resources;

    private Manifests(List<Resource> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Reads every {@code .yaml} file directly in the folder; an empty document (a trailing {@code ---}) is skipped. */
    static Manifests in(Path folder) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Resource> read = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
                    documents.forEachRemaining(document -> {
                        if (document != null && !document.isNull() && !document.isEmpty()) {
                            read.add(new Resource(file, document));
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(read);
    }

    List<Resource> all() {
        return resources;
    }

    List<Resource> ofKind(String kind) {
        return resources.stream().filter(resource -> resource.kind().equals(kind)).toList();
    }

    Optional<Resource> find(String kind, String name) {
        return resources.stream().filter(resource -> resource.kind().equals(kind) && resource.name().equals(name))
                .findFirst();
    }
}
