package dev.inpaintstudio.modelslab;

import java.util.Objects;

/**
 * One inpaint request, independent of the wire format: the endpoint, the artist's parameters, the
 * init image and the mask as encoded files (PNG or JPEG bytes; the server tells them apart by their
 * bytes, and the client sends them as raw base64) and the size they are sent at.
 */
public record InpaintRequest(
        Endpoint endpoint,
        InpaintParameters parameters,
        byte[] initImage,
        byte[] maskImage,
        int width,
        int height) {

    public InpaintRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(initImage, "initImage");
        Objects.requireNonNull(maskImage, "maskImage");
        if (parameters.endpoint() != endpoint) {
            throw new IllegalArgumentException("The parameters are for " + parameters.endpoint().displayName()
                    + ", the request for " + endpoint.displayName());
        }
    }

    /** Holds no key; shows sizes, not the image bytes. */
    @Override
    public String toString() {
        return "InpaintRequest[" + endpoint.cliName() + ", " + width + "x" + height
                + ", model=" + parameters.modelId() + ", samples=" + parameters.samples()
                + ", steps=" + parameters.steps() + ", seed=" + parameters.seed()
                + ", fields=" + parameters.values().keySet()
                + ", init=" + initImage.length + " B, mask=" + maskImage.length + " B]";
    }
}
