package dev.inpaintstudio.modelslab;

import java.util.List;
import java.util.Objects;

/**
 * A finished job: the image files as sent by the server (PNG, JPEG or WebP bytes, checked by their
 * magic numbers), the server's job id ({@code ""} when it gave none), the generation time it
 * reported, whether it flagged NSFW content (the image is then blanked or blurred), and the
 * {@code meta} object as JSON text (without the API key; may be {@code "{}"}).
 */
public record InpaintResult(
        List<byte[]> images,
        String serverId,
        double generationTimeSeconds,
        boolean nsfwContentDetected,
        String metaJson) {

    public InpaintResult {
        images = List.copyOf(Objects.requireNonNull(images, "images"));
        serverId = serverId == null ? "" : serverId;
        metaJson = metaJson == null ? "{}" : metaJson;
    }

    @Override
    public String toString() {
        StringBuilder sizes = new StringBuilder();
        for (byte[] image : images) {
            sizes.append(sizes.length() == 0 ? "" : ", ").append(image.length).append(" B");
        }
        return "InpaintResult[id=" + serverId + ", images=[" + sizes + "], generationTime="
                + generationTimeSeconds + " s, nsfw=" + nsfwContentDetected + "]";
    }
}
