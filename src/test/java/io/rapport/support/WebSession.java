package io.rapport.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without the browser: cookies, the CSRF token of the last page, forms posted as a browser posts
 * them (URL-encoded or multipart). Redirects are not followed, so a test sees where a form sends the person.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?(?:content|value)=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http;
    private String csrf;
    private String clientAddress;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    public WebSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Drops the cookies of this name, as a browser set to refuse them would never have kept them. */
    public void forgetCookie(String name) {
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
    }

    /**
     * Requests come from this client address, as a reverse proxy on this machine reports it (X-Forwarded-For): sign-in
     * back-off counts per address.
     */
    public WebSession from(String address) {
        this.clientAddress = address;
        return this;
    }

    /** An agent signed in by the sign-in form. */
    public static WebSession agent(int port, String email, String password) {
        WebSession session = new WebSession(port);
        session.get("/login");
        var signedIn = session.postForm("/login", Map.of("username", email, "password", password));
        if (signedIn.statusCode() != 302
                || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("could not sign in " + email + ": " + signedIn.statusCode());
        }
        return session;
    }

    /** A customer signed in to the portal by the emailed link. */
    public static WebSession customer(int port, String email) {
        WebSession session = new WebSession(port);
        session.get("/portal/login");
        session.postForm("/portal/login", Map.of("email", email));
        String link = TestMail.signInLink(email);
        String path = link.substring(link.indexOf("/portal/auth"));
        session.get(path);
        String token = path.substring(path.indexOf("token=") + 6);
        var redeemed = session.postForm("/portal/auth", Map.of("token", token));
        if (redeemed.statusCode() != 302) {
            throw new IllegalStateException("could not sign in customer " + email + ": " + redeemed.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** The status and headers of an address that streams (server-sent events), without waiting for its end. */
    public HttpResponse<String> headOfStream(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        try {
            HttpResponse<java.io.InputStream> streaming =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            streaming.body().close();
            return new HttpResponse<>() {
                @Override
                public int statusCode() {
                    return streaming.statusCode();
                }

                @Override
                public HttpRequest request() {
                    return streaming.request();
                }

                @Override
                public java.util.Optional<HttpResponse<String>> previousResponse() {
                    return java.util.Optional.empty();
                }

                @Override
                public java.net.http.HttpHeaders headers() {
                    return streaming.headers();
                }

                @Override
                public String body() {
                    return "";
                }

                @Override
                public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                    return streaming.sslSession();
                }

                @Override
                public URI uri() {
                    return streaming.uri();
                }

                @Override
                public java.net.http.HttpClient.Version version() {
                    return streaming.version();
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A URL-encoded form, with the CSRF token of the last page read; values are sent as they are. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf);
        }
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A URL-encoded form whose body is given raw (for bytes a browser would never send). */
    public HttpResponse<String> postRawForm(String path, String rawBody) {
        String body = rawBody + (csrf == null ? "" : "&_csrf=" + encode(csrf));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart form: text fields and, optionally, files named "attachments". */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<String> fileNames) {
        String boundary = "----rapport" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        try {
            if (csrf != null) {
                part(out, boundary, "_csrf", csrf);
            }
            for (var field : fields.entrySet()) {
                part(out, boundary, field.getKey(), field.getValue());
            }
            for (String name : fileNames) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                                + name + "\"\r\nContent-Type: text/plain\r\n\r\nx\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String value) throws IOException {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
