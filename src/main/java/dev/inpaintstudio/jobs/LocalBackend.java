package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Repaints offline with the content-aware fill engine: no account, no network. It works on the crop
 * at the picture's own resolution (a diffusion model's size rules do not apply), scaled down only past
 * {@link #MAX_SIDE}, and keeps more context around the mask than a model needs, since every patch
 * it fills with is taken from what it is given.
 */
public final class LocalBackend implements Backend {
    /** The engine's work grows with the pixels of the crop; past this side the crop is scaled down. */
    public static final int MAX_SIDE = 1536;
    /** At least this much context on each side of the mask, for the engine to take texture from. */
    public static final int MIN_CONTEXT = 64;

    private final ContentAwareFill engine;

    public LocalBackend(ContentAwareFill engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "Offline";
    }

    @Override
    public ContextCrop planCrop(JobRequest request) {
        byte[] source = request.recipe() instanceof GenerationRecipe.LocalFill fill ? fill.options().sourceRegion() : null;
        return plan(request.coverage(), source, request.image().getWidth(), request.image().getHeight(), request.crop());
    }

    /**
     * The crop for the offline engine: the mask's bounding box with context around it (the padding
     * setting, at least the feather, at least {@link #MIN_CONTEXT} and at least half the mask's long
     * side; more, up to the engine's preferred margin, while the crop stays within {@link #MAX_SIDE}), grown to hold the texture source region when there is one, kept inside the picture;
     * worked on at its own size unless a side passes {@link #MAX_SIDE}. The whole picture when the
     * settings say so or the mask is empty.
     */
    public static ContextCrop plan(byte[] coverage, byte[] sourceRegion, int width, int height, CropSettings settings) {
        return planAround(settings.wholeImage() ? null : ContextCrop.maskBounds(coverage, width, height),
                sourceRegion == null ? null : ContextCrop.maskBounds(sourceRegion, width, height), width, height, settings);
    }

    /**
     * The same plan from bounding boxes alone, for the editor, which keeps the mask's box up to date
     * and must not scan a large mask again.
     *
     * @param mask   the box holding every masked pixel, or null when the mask is empty (or the whole picture is wanted)
     * @param source the box of the texture region, or null when texture may come from anywhere
     */
    public static ContextCrop planAround(CropBox mask, CropBox source, int width, int height, CropSettings settings) {
        if (settings.wholeImage()) {
            mask = null;
        }
        CropBox box;
        if (mask == null) {
            box = CropBox.whole(width, height);
        } else {
            int longSide = Math.max(mask.width(), mask.height());
            int least = Math.max(Math.max(settings.padding(), settings.featherPx() + 1),
                    Math.max(MIN_CONTEXT, longSide / 2));
            // Up to the context the engine would search a whole picture for, as long as that does
            // not push the crop past MAX_SIDE: scaling the crop down would blur the fill.
            int wanted = Math.min(ContentAwareFill.preferredMargin(mask.width(), mask.height()), (MAX_SIDE - longSide) / 2);
            int pad = Math.max(least, wanted);
            int x0 = Math.max(0, mask.x() - pad);
            int y0 = Math.max(0, mask.y() - pad);
            int x1 = Math.min(width, mask.right() + pad);
            int y1 = Math.min(height, mask.bottom() + pad);
            if (source != null) {
                x0 = Math.min(x0, source.x());
                y0 = Math.min(y0, source.y());
                x1 = Math.max(x1, source.right());
                y1 = Math.max(y1, source.bottom());
            }
            box = new CropBox(x0, y0, x1 - x0, y1 - y0);
        }
        return new ContextCrop(box, workingSize(box.width(), box.height()));
    }

    /** The crop's own size, or scaled down to fit {@link #MAX_SIDE}; never scaled up, any number of pixels. */
    static GenerationSize workingSize(int w, int h) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        return new GenerationSize(Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)));
    }

    @Override
    public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) throws BackendException {
        if (!(input.recipe() instanceof GenerationRecipe.LocalFill fill)) {
            throw new BackendException("The offline engine was handed a " + input.recipe().backendId() + " job.", null);
        }
        BufferedImage image = input.image();
        // Every partly covered pixel is filled in full here; the paste-back then blends the fill over
        // the original once, through the artist's soft coverage feathered outward. Letting the engine
        // blend too would apply the soft edge twice and leave it weaker than painted.
        byte[] coverage = MaskImages.toCoverage(input.mask());
        for (int i = 0; i < coverage.length; i++) {
            if (coverage[i] != 0) {
                coverage[i] = (byte) 255;
            }
        }
        FillOptions options = fill.options();
        progress.report(Progress.Stage.FILLING, 0, "Filling " + image.getWidth() + " × " + image.getHeight()
                + " px offline (" + options.quality().label() + ")");
        BufferedImage filled;
        try {
            filled = engine.fill(image, coverage, options, progress, cancel);
        } catch (IllegalArgumentException e) {
            // e.g. the mask leaves no patch to copy from: the engine's message says what to change.
            throw new BackendException(e.getMessage(), e);
        }
        cancel.throwIfCancelled();
        return new BackendResult(List.of(filled), null, false, null);
    }
}
