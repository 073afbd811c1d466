package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes request bodies in the v6 wire format. The images are streamed into the JSON as raw
 * base64 (no {@code data:} prefix) straight from their bytes, into one buffer sized up front: no
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
        long estimate = base64Length(r.initImage().length) + base64Length(r.maskImage().length)
                + 6L * (r.prompt().length() + r.negativePrompt().length() + r.modelId().length() + key.value().length())
                + 1024;
        if (estimate > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("The images are too large to send");
        }
        ExposedBuffer out = new ExposedBuffer((int) estimate);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("key", key.value());
            g.writeStringField("model_id", r.modelId());
            g.writeStringField("prompt", r.prompt());
            // Explicit, possibly empty: null makes the server add its own long negative prompt.
            g.writeStringField("negative_prompt", r.negativePrompt());
            g.writeFieldName("init_image");
            g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, r.initImage(), 0, r.initImage().length);
            g.writeFieldName("mask_image");
            g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, r.maskImage(), 0, r.maskImage().length);
            // Sizes and steps as strings, like every official example.
            g.writeStringField("width", Integer.toString(r.width()));
            g.writeStringField("height", Integer.toString(r.height()));
            g.writeStringField("samples", Integer.toString(r.samples()));
            // The example says "steps", the schema "num_inference_steps": send both.
            g.writeStringField("steps", Integer.toString(r.steps()));
            g.writeStringField("num_inference_steps", Integer.toString(r.steps()));
            g.writeNumberField("guidance_scale", r.guidanceScale());
            g.writeNumberField("strength", r.strength());
            if (r.seed() == null) {
                g.writeNullField("seed");
            } else {
                g.writeNumberField("seed", r.seed());
            }
            g.writeStringField("base64", "yes");
            g.writeStringField("enhance_prompt", "no");
            g.writeStringField("safety_checker", "no");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with an in-memory buffer
        }
        return new Body(out.array(), out.size());
    }

    /** The poll body: {@code {"key": ...}}. */
    Body fetch(ApiKey key) {
        ExposedBuffer out = new ExposedBuffer(64 + 6 * key.value().length());
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("key", key.value());
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
