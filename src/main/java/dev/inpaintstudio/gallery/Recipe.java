package dev.inpaintstudio.gallery;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A result's recipe as AUTOMATIC1111 writes it into its PNGs' {@code parameters} text, so that other
 * tools (image browsers, model sites, the web UI's "PNG Info") show and reuse it:
 * <pre>
 * PROMPT
 * Negative prompt: NEGATIVE
 * Steps: 21, Sampler: DDIMScheduler, CFG scale: 7.5, Seed: 1234, Size: 1024x680, Model: m, Denoising strength: 0.7
 * </pre>
 * The last line is {@code key: value} pairs; a value with a comma, colon or line break is quoted as a
 * JSON string, as the web UI does.
 */
public final class Recipe {
    public static final String PNG_KEYWORD = "parameters";

    private Recipe() {
    }

    public static String a1111(ResultRecord record) {
        if (record.isLocal()) {
            return offline(record);
        }
        Map<String, Object> p = record.parameters() == null ? Map.of() : record.parameters();
        StringBuilder out = new StringBuilder(record.prompt() == null ? "" : record.prompt());
        String negative = p.get("negative_prompt") == null ? "" : String.valueOf(p.get("negative_prompt"));
        if (!negative.isBlank()) {
            out.append("\nNegative prompt: ").append(negative);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        put(pairs, "Steps", first(p, "steps", "num_inference_steps"));
        put(pairs, "Sampler", p.get("scheduler"));
        put(pairs, "CFG scale", p.get("guidance_scale"));
        put(pairs, "Seed", record.effectiveSeed());
        if (record.sentWidth() > 0 && record.sentHeight() > 0) {
            pairs.put("Size", record.sentWidth() + "x" + record.sentHeight());
        }
        put(pairs, "Model", p.get("model_id"));
        put(pairs, "Denoising strength", p.get("strength"));
        put(pairs, "Clip skip", p.get("clip_skip"));
        put(pairs, "Lora", p.get("lora_model"));
        put(pairs, "Lora strength", p.get("lora_strength"));
        put(pairs, "Endpoint", endpointName(record.endpoint()));
        put(pairs, "Server id", record.serverId());
        pairs.put("Version", "Inpaint Studio");
        StringBuilder line = new StringBuilder();
        pairs.forEach((k, v) -> line.append(line.length() == 0 ? "" : ", ").append(k).append(": ").append(quote(v)));
        return out.append('\n').append(line).toString();
    }

    /**
     * An offline result has no prompt or model: the text says what made it, e.g.
     * {@code Offline content-aware fill, Patch size: 7, Quality: Balanced, Seed: 42, Size: 640x480, Version: Inpaint Studio}.
     */
    static String offline(ResultRecord record) {
        Map<String, String> pairs = new LinkedHashMap<>();
        ResultRecord.Fill fill = record.fill();
        if (fill != null) {
            pairs.put("Patch size", Integer.toString(fill.patchSize()));
            pairs.put("Quality", qualityLabel(fill.quality()));
            pairs.put("Seed", Long.toString(fill.seed()));
            if (fill.sourceRegion()) {
                pairs.put("Texture from", "marked region");
            }
        }
        if (record.sentWidth() > 0 && record.sentHeight() > 0) {
            pairs.put("Size", record.sentWidth() + "x" + record.sentHeight());
        }
        pairs.put("Version", "Inpaint Studio");
        StringBuilder line = new StringBuilder("Offline content-aware fill");
        pairs.forEach((k, v) -> line.append(", ").append(k).append(": ").append(quote(v)));
        return line.toString();
    }

    private static String qualityLabel(String name) {
        try {
            return dev.inpaintstudio.local.FillQuality.valueOf(name.toUpperCase(Locale.ROOT)).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(name);
        }
    }

    /** Quotes a value the way the web UI does: as a JSON string when it holds a comma, colon or line break. */
    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static Object first(Map<String, Object> p, String... names) {
        for (String n : names) {
            if (p.get(n) != null) {
                return p.get(n);
            }
        }
        return null;
    }

    private static void put(Map<String, String> pairs, String key, Object value) {
        String text = text(value);
        if (!text.isEmpty()) {
            pairs.put(key, text);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : d.toString();
        }
        return String.valueOf(value).strip();
    }

    private static String endpointName(String name) {
        if (name == null) {
            return "";
        }
        try {
            return dev.inpaintstudio.modelslab.Endpoint.valueOf(name).displayName();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
