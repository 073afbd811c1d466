package dev.inpaintstudio.bench.eval;

import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.awt.image.BufferedImage;

/** Inpaint Studio's own offline engine at a given preset. */
final class OfflineEngineFill implements HoleFiller {
    private final String name;
    private final FillOptions options;
    private final ContentAwareFill engine;

    OfflineEngineFill(String name, FillOptions options, int threads) {
        this.name = name;
        this.options = options;
        this.engine = new ContentAwareFill(threads);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BufferedImage fill(BufferedImage image, byte[] hole) {
        return engine.fill(image, hole, options, Progress.NONE, CancellationToken.none());
    }
}
