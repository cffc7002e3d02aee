package io.cedarwood.jakarta.todo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that the request target reaches the server byte for byte (an HTTP client
 * library would normalize {@code ..}, {@code //} or encodings itself).
 */
public final class RawHttp {
    /** A response: status, headers (names in lower case), body. */
    public record Reply(int status, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method rawTarget} where {@code rawTarget} is appended as is to the application's context
     * path; {@code user} logs in with HTTP Basic (password = name), {@code null} for none.
     */
    public static Reply send(URL base, String method, String rawTarget, String user) throws IOException {
        String context = base.getPath().endsWith("/") ? base.getPath().substring(0, base.getPath().length() - 1) : base.getPath();
        StringBuilder req = new StringBuilder();
        req.append(method).append(' ').append(context).append(rawTarget).append(" HTTP/1.1\r\n");
        req.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        if (user != null) {
            req.append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        req.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            return parse(new String(all, StandardCharsets.ISO_8859_1));
        }
    }

    private static Reply parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Reply(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            String sizeText = body.substring(i, eol).split(";")[0].strip();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            byte[] chunk = body.substring(eol + 2, Math.min(body.length(), eol + 2 + size)).getBytes(StandardCharsets.ISO_8859_1);
            out.write(chunk, 0, chunk.length);
            i = eol + 2 + size + 2;
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
