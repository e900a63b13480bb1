package dev.vigil.app.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the management API of the shared app; a new project (with its keys) comes from the admin endpoint. */
final class ApiClient {

    record Project(String id, String pingKey, String rw, String ro) {
    }

    private final VigilProcess app;

    ApiClient(VigilProcess app) {
        this.app = app;
    }

    Project newProject(String name) throws IOException {
        HttpResponse<String> r = app.send(HttpRequest.newBuilder(app.uri("/api/admin/v1/projects"))
                .header("Authorization", "Bearer " + SharedVigil.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"it-" + name + "@example.com\", \"project\": \"" + name + "\"}")));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("admin endpoint answered " + r.statusCode() + ": " + r.body());
        }
        JsonObject p = json(r);
        return new Project(p.getString("project"), p.getString("ping_key"), p.getString("api_key"),
                p.getString("api_key_readonly"));
    }

    HttpResponse<String> get(String path, String key) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path)).GET();
        return app.send(key == null ? b : b.header("X-Api-Key", key));
    }

    HttpResponse<String> post(String path, String key, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        return app.send(key == null ? b : b.header("X-Api-Key", key));
    }

    HttpResponse<String> delete(String path, String key) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path)).DELETE();
        return app.send(key == null ? b : b.header("X-Api-Key", key));
    }

    static JsonObject json(HttpResponse<String> r) {
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }
}
