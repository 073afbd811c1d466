package dev.inpaintstudio.modelslab;

import java.util.Objects;

/**
 * What the artist asks for, without the images or the size sent: these follow the document.
 * {@code seed} is null for a random seed.
 */
public record InpaintParameters(
        Endpoint endpoint,
        String modelId,
        String prompt,
        String negativePrompt,
        int samples,
        int steps,
        double guidanceScale,
        double strength,
        Long seed) {

    public InpaintParameters {
        Objects.requireNonNull(endpoint, "endpoint");
        modelId = modelId == null ? "" : modelId.strip();
        prompt = prompt == null ? "" : prompt;
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
    }

    public InpaintRequest toRequest(byte[] initImage, byte[] maskImage, int width, int height) {
        return new InpaintRequest(endpoint, modelId, prompt, negativePrompt, initImage, maskImage,
                width, height, samples, steps, guidanceScale, strength, seed);
    }
}
