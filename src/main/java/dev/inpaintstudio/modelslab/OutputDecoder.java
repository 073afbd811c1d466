package dev.inpaintstudio.modelslab;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Finds the image in an output: the bytes themselves, base64 text of them (the usual
 * {@code .base64} links), or a data URI. The format is judged by the decoded bytes' magic numbers,
 * never by a file name or content type.
 */
final class OutputDecoder {
    enum Format { PNG, JPEG, WEBP }

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private OutputDecoder() {
    }

    /** PNG, JPEG or WebP by the first bytes; null for anything else. */
    static Format sniff(byte[] b) {
        if (b == null) {
            return null;
        }
        if (b.length >= 8 && Arrays.equals(b, 0, 8, PNG_MAGIC, 0, 8)) {
            return Format.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    /** The image in a downloaded body (raw image bytes or base64 text of them), or null. */
    static byte[] imageFromBody(byte[] body) {
        if (sniff(body) != null) {
            return body;
        }
        byte[] decoded = decodeBase64(body);
        return sniff(decoded) != null ? decoded : null;
    }

    /** An output entry that is no link: a data URI or raw base64 of an image; null when it is neither. */
    static byte[] imageFromText(String entry) {
        byte[] decoded = decodeBase64(entry.getBytes(StandardCharsets.ISO_8859_1));
        return sniff(decoded) != null ? decoded : null;
    }

    /** An absolute http(s) link, or a path on the server; anything else is treated as inline data. */
    static boolean isLink(String entry) {
        String lower = entry.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://")
                || (lower.startsWith("/") && !lower.startsWith("//") && lower.length() < 2048);
    }

    /**
     * Base64 text, tolerating a data URI prefix, surrounding quotes or whitespace, line breaks,
     * JSON-escaped slashes and the URL-safe alphabet. Null when the text is not base64.
     */
    static byte[] decodeBase64(byte[] text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length;
        if (end - start >= 3 && (text[0] & 0xFF) == 0xEF && (text[1] & 0xFF) == 0xBB && (text[2] & 0xFF) == 0xBF) {
            start = 3; // UTF-8 byte order mark
        }
        while (start < end && (isSpace(text[start]) || text[start] == '"')) {
            start++;
        }
        while (end > start && (isSpace(text[end - 1]) || text[end - 1] == '"')) {
            end--;
        }
        if (end - start >= 5 && regionEqualsIgnoreCase(text, start, "data:")) {
            int comma = indexOf(text, start, end, (byte) ',');
            if (comma < 0 || !new String(text, start, comma - start, StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT).endsWith(";base64")) {
                return null;
            }
            start = comma + 1;
        }
        byte[] clean = new byte[end - start];
        int n = 0;
        boolean urlSafe = false;
        for (int i = start; i < end; i++) {
            byte c = text[i];
            if (isSpace(c) || c == '\\') {
                continue; // line breaks, and the backslash of a JSON-escaped "\/"
            }
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=') {
                clean[n++] = c;
            } else if (c == '-' || c == '_') {
                urlSafe = true;
                clean[n++] = c;
            } else {
                return null;
            }
        }
        if (n == 0) {
            return null;
        }
        try {
            Base64.Decoder decoder = urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder();
            return decoder.decode(n == clean.length ? clean : Arrays.copyOf(clean, n));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What a refused body looks like, for the error message. */
    static String describe(byte[] body, String contentType, ApiKey key) {
        String type = contentType == null || contentType.isBlank() ? "" : contentType.split(";")[0].strip();
        String start = ReplyParser.shorten(KeyRedactor.redact(ReplyParser.snippet(body), key), 60);
        boolean printable = start.chars().allMatch(ch -> ch >= 0x20 && ch != 0xFFFD);
        StringBuilder sb = new StringBuilder();
        sb.append(body.length).append(" bytes");
        if (!type.isEmpty()) {
            sb.append(" of ").append(type);
        }
        if (printable && !start.isEmpty()) {
            sb.append(" starting \"").append(start).append('"');
        }
        return sb.toString();
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static boolean regionEqualsIgnoreCase(byte[] text, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (Character.toLowerCase((char) text[at + i]) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] text, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
