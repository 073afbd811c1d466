package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes request bodies as the endpoint's {@link EndpointProfile} says: its fields under their wire
 * names, encoded as it wants them, and nothing it lacks. The images are streamed into the JSON as
 * raw base64 (no {@code data:} prefix) straight from their bytes, into one buffer sized up front: no
 * intermediate base64 string and no growing copies.
 */
final class BodyWriter {
    private final JsonFactory json;

    BodyWriter(JsonFactory json) {
        this.json = json;
    }

    /** A finished body: {@code bytes[0, length)}. Holds the API key: never log it. */
    record Body(byte[] bytes, int length) {
        @Override
        public String toString() {
            return "Body[" + length + " B]";
        }
    }

    Body inpaint(InpaintRequest r, ApiKey key) {
        Map<String, Object> fields = r.endpoint().profile().wireParameters(r.parameters(), r.width(), r.height());
        long text = key.value().length();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            text += e.getKey().length() + String.valueOf(e.getValue()).length();
        }
        // 6 bytes a character cover the longest JSON escape of any UTF-16 unit.
        long estimate = base64Length(r.initImage().length) + base64Length(r.maskImage().length)
                + 6L * text + 8L * fields.size() + 1024;
        if (estimate > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("The images are too large to send");
        }
        ExposedBuffer out = new ExposedBuffer((int) estimate);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("key", key.value());
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                writeValue(g, e.getKey(), e.getValue());
            }
            g.writeFieldName("init_image");
            g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, r.initImage(), 0, r.initImage().length);
            g.writeFieldName("mask_image");
            g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, r.maskImage(), 0, r.maskImage().length);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with an in-memory buffer
        }
        return new Body(out.array(), out.size());
    }

    private static void writeValue(JsonGenerator g, String name, Object value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else if (value instanceof String s) {
            g.writeStringField(name, s);
        } else if (value instanceof Integer i) {
            g.writeNumberField(name, i);
        } else if (value instanceof Long l) {
            g.writeNumberField(name, l);
        } else if (value instanceof Double d) {
            g.writeNumberField(name, d);
        } else {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " for " + name);
        }
    }

    /**
     * The poll body: {@code {"key": ...}}, plus {@code "request_id"} (as a string) when it is not
     * null, for the endpoints whose fetch takes it.
     */
    Body fetch(ApiKey key, String requestId) {
        int idLength = requestId == null ? 0 : requestId.length();
        ExposedBuffer out = new ExposedBuffer(64 + 6 * (key.value().length() + idLength));
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("key", key.value());
            if (requestId != null) {
                g.writeStringField("request_id", requestId);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Body(out.array(), out.size());
    }

    private static long base64Length(int bytes) {
        return 4L * ((bytes + 2L) / 3);
    }

    /** A byte buffer whose array can be handed on without the copy of {@code toByteArray()}. */
    private static final class ExposedBuffer extends ByteArrayOutputStream {
        ExposedBuffer(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }
}
