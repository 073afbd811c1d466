package dev.inpaintstudio.cli;

import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.jobs.GenerationRecipe;
import dev.inpaintstudio.local.FillQuality;
import dev.inpaintstudio.modelslab.Endpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code inpaint} command line: the fixed options, and every other {@code --name value} kept as
 * text for the endpoint's profile to parse and check.
 *
 * @param backend     {@code local} or {@code modelslab}, or null when not given (it then follows the key)
 * @param patchSize   the offline engine's patch size, or null for its default
 * @param quality     the offline engine's preset, or null for its default
 * @param textureFrom a mask file marking where the offline engine may take texture from, or null
 */
record CliOptions(Path image, Path mask, Path out, Endpoint endpoint, String baseUrl, Duration deadline,
                  PictureEncoding pictureEncoding, String resumeServerId, Map<String, String> parameters, boolean help,
                  CropSettings crop, String backend, Integer patchSize, FillQuality quality, Path textureFrom) {

    static final String LOCAL = GenerationRecipe.LOCAL_ID;
    static final String MODELSLAB = GenerationRecipe.MODELSLAB_ID;

    static final String DEFAULT_BASE_URL = "https://modelslab.com";

    static CliOptions parse(List<String> args) throws UsageException {
        Path image = null;
        Path mask = null;
        Path out = null;
        Endpoint endpoint = Endpoint.V6_IMAGES;
        String baseUrl = DEFAULT_BASE_URL;
        Duration deadline = Duration.ofMinutes(10);
        PictureEncoding encoding = PictureEncoding.JPEG;
        String resume = null;
        boolean help = false;
        int padding = CropSettings.DEFAULT_PADDING;
        int feather = CropSettings.DEFAULT_FEATHER;
        boolean wholeImage = false;
        boolean colorMatch = true;
        String backend = null;
        Integer patchSize = null;
        FillQuality quality = null;
        Path textureFrom = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--whole-image")) {
                wholeImage = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new UsageException("Unexpected argument \"" + arg + "\". Options take the form --name value.");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value.");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "image" -> image = Path.of(value);
                case "mask" -> mask = Path.of(value);
                case "out" -> out = Path.of(value);
                case "endpoint" -> endpoint = endpoint(value);
                case "base-url" -> baseUrl = value;
                case "deadline" -> deadline = parseMinutes(value);
                case "picture-format" -> encoding = parseEncoding(value);
                case "resume" -> resume = value.strip();
                case "model" -> parameters.put("model-id", value);
                case "padding" -> padding = parsePixels(name, value, 4096);
                case "feather" -> feather = parsePixels(name, value, 256);
                case "whole-image" -> wholeImage = parseYesNo(name, value);
                case "color-match", "colour-match" -> colorMatch = parseYesNo(name, value);
                case "backend" -> backend = parseBackend(value);
                case "patch-size" -> patchSize = parsePatchSize(value);
                case "quality" -> quality = parseQuality(value);
                case "texture-from" -> textureFrom = Path.of(value);
                default -> {
                    if (parameters.put(name, value) != null) {
                        throw new UsageException("--" + name + " is given twice.");
                    }
                }
            }
        }
        if (!help) {
            if (image == null || mask == null || out == null) {
                throw new UsageException("--image, --mask and --out are required. See --help.");
            }
        }
        return new CliOptions(image, mask, out, endpoint, baseUrl, deadline, encoding, resume, parameters, help,
                new CropSettings(padding, wholeImage, feather, colorMatch), backend, patchSize, quality, textureFrom);
    }

    /** Options only the offline engine takes, as given. */
    List<String> offlineOptionsGiven() {
        List<String> given = new java.util.ArrayList<>();
        if (patchSize != null) {
            given.add("--patch-size");
        }
        if (quality != null) {
            given.add("--quality");
        }
        if (textureFrom != null) {
            given.add("--texture-from");
        }
        return given;
    }

    private static String parseBackend(String value) throws UsageException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "local", "offline" -> LOCAL;
            case "modelslab" -> MODELSLAB;
            default -> throw new UsageException("--backend is local or modelslab; got \"" + value + "\".");
        };
    }

    private static int parsePatchSize(String value) throws UsageException {
        try {
            int px = Integer.parseInt(value.strip());
            if (px >= 3 && px <= 21 && px % 2 == 1) {
                return px;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--patch-size takes an odd number of pixels from 3 to 21; got \"" + value + "\".");
    }

    private static FillQuality parseQuality(String value) throws UsageException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "fast" -> FillQuality.FAST;
            case "balanced" -> FillQuality.BALANCED;
            case "quality", "best" -> FillQuality.QUALITY;
            default -> throw new UsageException("--quality is fast, balanced or quality; got \"" + value + "\".");
        };
    }

    private static int parsePixels(String name, String value, int max) throws UsageException {
        try {
            int px = Integer.parseInt(value.strip());
            if (px >= 0 && px <= max) {
                return px;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " takes pixels, 0 to " + max + "; got \"" + value + "\".");
    }

    private static boolean parseYesNo(String name, String value) throws UsageException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> throw new UsageException("--" + name + " is yes or no; got \"" + value + "\".");
        };
    }

    private static Endpoint endpoint(String value) throws UsageException {
        try {
            return Endpoint.fromCliName(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Duration parseMinutes(String value) throws UsageException {
        try {
            double minutes = Double.parseDouble(value);
            if (minutes > 0 && minutes <= 24 * 60) {
                return Duration.ofMillis(Math.round(minutes * 60_000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--deadline takes minutes, more than 0 and at most 1440; got \"" + value + "\".");
    }

    private static PictureEncoding parseEncoding(String value) throws UsageException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> PictureEncoding.JPEG;
            case "png" -> PictureEncoding.PNG;
            default -> throw new UsageException("--picture-format is jpeg or png; got \"" + value + "\".");
        };
    }
}
