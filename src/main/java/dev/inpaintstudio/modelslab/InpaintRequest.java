package dev.inpaintstudio.modelslab;

import java.util.Objects;

/**
 * One inpaint request, independent of the wire format. Images are encoded files (PNG or JPEG
 * bytes); the client base64-encodes them. {@code seed} is null for a random seed.
 */
public record InpaintRequest(
        Endpoint endpoint,
        String modelId,
        String prompt,
        String negativePrompt,
        byte[] initImage,
        byte[] maskImage,
        int width,
        int height,
        int samples,
        int steps,
        double guidanceScale,
        double strength,
        Long seed) {

    public InpaintRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(initImage, "initImage");
        Objects.requireNonNull(maskImage, "maskImage");
        modelId = modelId == null ? "" : modelId.strip();
        prompt = prompt == null ? "" : prompt;
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
    }

    @Override
    public String toString() {
        return "InpaintRequest[" + endpoint + ", model=" + modelId + ", " + width + "x" + height
                + ", samples=" + samples + ", steps=" + steps + ", seed=" + seed
                + ", init=" + initImage.length + " B, mask=" + maskImage.length + " B]";
    }
}
