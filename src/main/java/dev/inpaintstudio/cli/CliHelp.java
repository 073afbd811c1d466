package dev.inpaintstudio.cli;

import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.EndpointProfile;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Arrays;

/** The {@code --help} text, generated from the endpoint's profile so it lists exactly what it takes. */
final class CliHelp {
    private CliHelp() {
    }

    static String text(Endpoint endpoint) {
        StringBuilder b = new StringBuilder();
        b.append("Usage: inpaint-studio inpaint --image IN --mask MASK --out DIR [--backend local|modelslab] [options]\n\n")
                .append("Repaints the white part of MASK (same size as IN; white = repaint, black = keep) and writes each\n")
                .append("output, at IN's full resolution, as PNG with a JSON sidecar naming the backend and its options.\n")
                .append("Two backends:\n")
                .append("  local      offline content-aware fill: fills from the rest of the picture, for removing objects,\n")
                .append("             blemishes and wires. No account, no network, no prompt.\n")
                .append("  modelslab  a diffusion model through the ModelsLab API; paints what --prompt describes. Needs a key,\n")
                .append("             from $").append(InpaintCommand.KEY_VARIABLE).append(" or the app's saved settings.\n")
                .append("Without --backend: local while no API key is set, else modelslab.\n\n")
                .append("General options:\n");
        option(b, "--backend local|modelslab", "which backend repaints (default: local without an API key, else modelslab)");
        option(b, "--endpoint NAME", "one of " + Arrays.stream(Endpoint.values()).map(Endpoint::cliName)
                .collect(Collectors.joining(", ")) + " (default v6)");
        option(b, "--base-url URL", "the server (default " + CliOptions.DEFAULT_BASE_URL + ")");
        option(b, "--deadline MINUTES", "how long to wait for the server (default 10)");
        option(b, "--picture-format jpeg|png", "how the picture is uploaded: jpeg (default, smaller) or png (lossless)");
        option(b, "--padding PX", "context kept around the mask's bounding box before it is grown to the sent aspect (default "
                + CropSettings.DEFAULT_PADDING + ")");
        option(b, "--whole-image", "send the whole picture scaled to fit instead of a crop around the mask");
        option(b, "--feather PX", "soften the mask edge by PX when pasting back (default " + CropSettings.DEFAULT_FEATHER
                + "); pixels it does not reach stay identical");
        option(b, "--color-match yes|no", "match the result's colours to the context around the mask (default yes)");
        option(b, "--resume ID", "collect job ID (one that outlived --deadline) instead of sending a new request");
        b.append("\nOffline options (--backend local):\n");
        option(b, "--quality fast|balanced|quality", "speed against quality (default balanced)");
        option(b, "--patch-size PX", "side of the texture patches compared and copied: odd, 3 to 21 (default "
                + FillOptions.DEFAULT_PATCH_SIZE + "); small for fine detail, large for coarse structure");
        option(b, "--seed N", "the same seed, picture and mask give the same fill (default: a random one, named in the sidecar)");
        option(b, "--texture-from FILE", "a mask the size of IN: take texture only from its white part");
        b.append("\nModelsLab parameters of ").append(endpoint.displayName()).append(" (").append(endpoint.cliName())
                .append(", ").append(endpoint.path()).append("):\n");
        EndpointProfile profile = endpoint.profile();
        for (EndpointProfile.FieldSpec spec : profile.specs()) {
            String name = "--" + (spec.field().optionName().equals("model-id") ? "model" : spec.field().optionName())
                    + " " + spec.field().type().name().toLowerCase(Locale.ROOT).replace('_', '/');
            StringBuilder text = new StringBuilder(spec.field().description());
            if (!spec.limitText().isEmpty()) {
                text.append(" Must be ").append(spec.limitText()).append('.');
            }
            if (spec.defaultValue() != null) {
                text.append(" Default ").append(spec.defaultValue()).append('.');
            }
            if (spec.required()) {
                text.append(" Required.");
            }
            option(b, name, text.toString());
        }
        b.append("\nExit codes:\n");
        for (ExitCode code : ExitCode.values()) {
            b.append(String.format(Locale.ROOT, "  %3d  %s%n", code.code(), code.meaning()));
        }
        return b.toString();
    }

    private static void option(StringBuilder b, String name, String text) {
        b.append(String.format(Locale.ROOT, "  %-32s %s%n", name, text));
    }
}
