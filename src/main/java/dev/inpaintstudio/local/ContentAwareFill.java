package dev.inpaintstudio.local;

import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.awt.image.BufferedImage;

/**
 * Exemplar-based content-aware fill: repaints the masked part of a picture from patches of the
 * rest of it, with no model and no network.
 */
public final class ContentAwareFill {
    private final int threads;

    /** @param threads worker threads to spread the search and votes over, at least 1 */
    public ContentAwareFill(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * Blocking; call it on a worker thread.
     *
     * @param image    the picture, any type; not modified
     * @param coverage one byte per pixel, row-major: 0 keeps the pixel, 255 replaces it, values
     *                 between blend the fill over the original
     * @return a new TYPE_INT_RGB picture of the same size; every pixel with coverage 0 is the original's
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires (checked between iterations)
     */
    public BufferedImage fill(BufferedImage image, byte[] coverage, FillOptions options, Progress progress,
                              CancellationToken cancel) {
        throw new UnsupportedOperationException("The offline engine is not built yet");
    }
}
