package io.rapport.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client for the real HTTP API: what an integration or acceptance check sees. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String authorization;
    private final String clientAddress;

    public Api(int port) {
        this(port, null, null);
    }

    private Api(int port, String authorization, String clientAddress) {
        this.port = port;
        this.authorization = authorization;
        this.clientAddress = clientAddress;
    }

    /** Calls from this client address, as a reverse proxy on this machine reports it (X-Forwarded-For). */
    public Api from(String address) {
        return new Api(port, authorization, address);
    }

    public Api basic(String user, String password) {
        return new Api(
                port,
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                clientAddress);
    }

    public Api bearer(String token) {
        return new Api(port, "Bearer " + token, clientAddress);
    }

    public Api header(String value) {
        return new Api(port, value, clientAddress);
    }

    /** A response: status, headers and the body parsed as JSON when it is JSON. */
    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    public Response patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", json(body)));
    }

    public Response postRaw(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart request: one JSON part and file parts named "attachments". */
    public Response multipart(String path, String jsonPartName, Object json, String filename, byte[] file) {
        String boundary = "----rapport" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + jsonPartName
                            + "\"\r\nContent-Type: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(JSON.writeValueAsBytes(json));
            if (filename != null) {
                out.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(file);
            }
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return postRaw(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** A multipart request whose JSON part is given raw (for hostile input), without files. */
    public Response multipartRaw(String path, String jsonPartName, String rawJson) {
        String boundary = "----rapport" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + jsonPartName
                + "\"\r\nContent-Type: application/json\r\n\r\n" + rawJson + "\r\n--" + boundary + "--\r\n";
        return postRaw(path, "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        if (body instanceof String s) {
            return HttpRequest.BodyPublishers.ofString(s);
        }
        return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
