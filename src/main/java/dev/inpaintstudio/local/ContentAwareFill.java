package dev.inpaintstudio.local;

import dev.inpaintstudio.imaging.ImageConversions;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * Exemplar-based content-aware fill: repaints the masked part of a picture from patches of the
 * rest of it, with no model and no network.
 */
public final class ContentAwareFill {
    private final int threads;

    /**
     * The context, in pixels on each side of a hole of this size, the engine looks for texture in
     * when it is given the whole picture; a caller cropping for it should give as much as it can.
     */
    public static int preferredMargin(int holeWidth, int holeHeight) {
        return Math.max(WorkArea.MIN_MARGIN, WorkArea.MARGIN_HOLE_SIZES * Math.max(holeWidth, holeHeight));
    }

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
     * @throws IllegalArgumentException when the mask or source region has the wrong size, or when no
     *                                  patch lies wholly outside the hole (and inside the source region)
     */
    public BufferedImage fill(BufferedImage image, byte[] coverage, FillOptions options, Progress progress,
                              CancellationToken cancel) {
        if (image == null || coverage == null || options == null) {
            throw new IllegalArgumentException("A picture, a mask and fill options are needed");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (coverage.length != w * h) {
            throw new IllegalArgumentException("The mask has " + coverage.length + " pixels but the picture "
                    + w + "×" + h + " has " + ((long) w * h));
        }
        byte[] sourceRegion = options.sourceRegion();
        if (sourceRegion != null && sourceRegion.length != w * h) {
            throw new IllegalArgumentException("The source region has " + sourceRegion.length + " pixels but the picture "
                    + w + "×" + h + " has " + ((long) w * h));
        }
        Progress report = progress == null ? Progress.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.none() : cancel;

        // Transparent pictures are seen over white, as everywhere else in the app.
        int[] pixels = ImageConversions.toOpaqueRgb(image).getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xffffff;
        }
        WorkArea area = WorkArea.around(coverage, sourceRegion, w, h);
        if (area != null) {
            token.throwIfCancelled();
            report.report(Progress.Stage.FILLING, 0, "Preparing the fill");
            FillLevel finest = crop(pixels, w, coverage, sourceRegion, area);
            int radius = options.patchSize() / 2;
            if (SourcePatches.find(finest, radius).isEmpty()) {
                throw new IllegalArgumentException("Nothing to copy texture from: no " + options.patchSize() + "×"
                        + options.patchSize() + " patch lies wholly outside the mask"
                        + (sourceRegion == null ? "" : " and inside the source region")
                        + ". Leave more of the picture unmasked or pick a smaller patch size.");
            }
            ExecutorService pool = threads > 1 ? new ForkJoinPool(threads) : null;
            try {
                new CompletionSolver(options.patchSize(), FillSchedule.of(options.quality()), options.seed(),
                        new RowBands(pool, threads), report, token).complete(finest);
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            CoverageBlend.apply(pixels, w, coverage, finest, area);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
    }

    private static FillLevel crop(int[] pixels, int imageWidth, byte[] coverage, byte[] sourceRegion, WorkArea area) {
        int n = area.width() * area.height();
        float[] rgb = new float[n * 3];
        boolean[] hole = new boolean[n];
        boolean[] allowed = new boolean[n];
        for (int y = 0; y < area.height(); y++) {
            for (int x = 0; x < area.width(); x++) {
                int p = (area.y() + y) * imageWidth + area.x() + x;
                int i = y * area.width() + x;
                WorkingColour.fromRgb(pixels[p], rgb, i * 3);
                hole[i] = coverage[p] != 0;
                allowed[i] = sourceRegion == null || sourceRegion[p] != 0;
            }
        }
        return new FillLevel(area.width(), area.height(), rgb, hole, allowed);
    }
}
