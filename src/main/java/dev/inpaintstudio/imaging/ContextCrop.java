package dev.inpaintstudio.imaging;

/**
 * Which part of the picture to send and at what size: the mask's bounding box plus padding, grown to
 * the aspect of a size the endpoint takes (at most {@code maxSide} a side, multiples of
 * {@link GenerationSize#MULTIPLE}) and kept inside the picture. Large crops are scaled down to fit;
 * tiny ones are scaled up so their short side reaches {@link #MIN_CROP_SIDE} where the long side allows.
 * The short side sent is never below {@link GenerationSize#MIN_SIDE}, so a thin mask's box gains
 * context across its short side until its aspect is one that can be sent (at most 4:1 at 1024);
 * only a picture itself thinner than that, with a mask spanning it, is sent stretched to the nearest
 * aspect allowed.
 */
public record ContextCrop(CropBox box, GenerationSize size) {
    /** Models trained at 512–1024 do poorly below 512; a tiny crop is scaled up to this short side. */
    public static final int MIN_CROP_SIDE = 512;

    public static ContextCrop plan(byte[] coverage, int width, int height, CropSettings settings) {
        return plan(coverage, width, height, settings, GenerationSize.MAX_SIDE);
    }

    public static ContextCrop plan(byte[] coverage, int width, int height, CropSettings settings, int maxSide) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Empty image: " + width + "×" + height);
        }
        if (coverage.length != width * height) {
            throw new IllegalArgumentException("Mask does not have the image's size");
        }
        return planAround(settings.wholeImage() ? null : maskBounds(coverage, width, height), width, height, settings, maxSide);
    }

    /**
     * The same plan from the mask's bounding box alone, for callers that already know it (the editor
     * keeps it up to date while painting) and must not scan a large mask again.
     *
     * @param maskBounds the box holding every masked pixel, or null when the mask is empty
     */
    public static ContextCrop planAround(CropBox maskBounds, int width, int height, CropSettings settings) {
        return planAround(maskBounds, width, height, settings, GenerationSize.MAX_SIDE);
    }

    public static ContextCrop planAround(CropBox maskBounds, int width, int height, CropSettings settings, int maxSide) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Empty image: " + width + "×" + height);
        }
        if (maskBounds != null && (maskBounds.x() < 0 || maskBounds.y() < 0 || maskBounds.right() > width
                || maskBounds.bottom() > height)) {
            throw new IllegalArgumentException("Mask box " + maskBounds + " is outside the " + width + "×" + height + " picture");
        }
        if (maxSide < GenerationSize.MULTIPLE || maxSide % GenerationSize.MULTIPLE != 0) {
            throw new IllegalArgumentException("Bad endpoint limit " + maxSide);
        }
        CropBox bounds = settings.wholeImage() ? null : maskBounds;
        if (bounds == null) {
            return new ContextCrop(CropBox.whole(width, height), sizeFor(width, height, maxSide, GenerationSize.MIN_SIDE));
        }
        // The padding must at least hold the feather, or the softened edge would be cut by the crop.
        int pad = Math.max(settings.padding(), settings.featherPx() + 1);
        int x0 = Math.max(0, bounds.x() - pad);
        int y0 = Math.max(0, bounds.y() - pad);
        int x1 = Math.min(width, bounds.right() + pad);
        int y1 = Math.min(height, bounds.bottom() + pad);
        CropBox box = new CropBox(x0, y0, x1 - x0, y1 - y0);
        // Grow to the generation aspect: a box thinner than any size that can be sent (sizeFor keeps the short
        // side at least minShortSide) takes in more context rather than being stretched. The second pass
        // settles rounding from the first.
        for (int pass = 0; pass < 2; pass++) {
            GenerationSize size = sizeFor(box.width(), box.height(), maxSide, MIN_CROP_SIDE);
            box = growToAspect(box, size.width() / (double) size.height(), width, height);
        }
        return new ContextCrop(box, sizeFor(box.width(), box.height(), maxSide, MIN_CROP_SIDE));
    }

    /** The smallest box holding every pixel with non-zero coverage, or null when there is none. */
    public static CropBox maskBounds(byte[] coverage, int width, int height) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int base = y * width;
            int first = -1;
            for (int x = 0; x < width; x++) {
                if (coverage[base + x] != 0) {
                    first = x;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            int last = first;
            for (int x = width - 1; x > first; x--) {
                if (coverage[base + x] != 0) {
                    last = x;
                    break;
                }
            }
            minX = Math.min(minX, first);
            maxX = Math.max(maxX, last);
            minY = Math.min(minY, y);
            maxY = y;
        }
        return maxX < 0 ? null : new CropBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /**
     * Size for a crop: scaled down to {@code maxSide}, or up until the short side reaches
     * {@code minSide} where the long side allows. The short side is never below
     * {@link GenerationSize#MIN_SIDE} (or {@code maxSide}, when smaller): a box thinner than
     * {@code maxSide}:{@link GenerationSize#MIN_SIDE} gets that extreme aspect, the closest one allowed.
     */
    static GenerationSize sizeFor(int w, int h, int maxSide, int minSide) {
        double longSide = Math.max(w, h);
        double shortSide = Math.min(w, h);
        double scale = Math.min(maxSide / longSide, 1.0);
        if (shortSide * scale < minSide) {
            scale = Math.min(minSide / shortSide, maxSide / longSide);
        }
        int floor = minShortSide(maxSide);
        return new GenerationSize(snap(w * scale, maxSide, floor), snap(h * scale, maxSide, floor));
    }

    /** The smallest side sent: what the newer endpoint pages ask for, unless the endpoint's own limit is smaller. */
    static int minShortSide(int maxSide) {
        return Math.min(GenerationSize.MIN_SIDE, maxSide);
    }

    private static int snap(double side, int maxSide, int minSide) {
        int m = GenerationSize.MULTIPLE;
        int snapped = (int) Math.round(side / m) * m;
        return Math.max(minSide, Math.min(maxSide, snapped));
    }

    /** Grows the short dimension so width/height ≈ aspect, centred on the box, shifted inside the picture, clamped last. */
    private static CropBox growToAspect(CropBox box, double aspect, int imageWidth, int imageHeight) {
        int w = box.width();
        int h = box.height();
        int wantW = (int) Math.round(h * aspect);
        int wantH = (int) Math.round(w / aspect);
        if (wantW > w) {
            w = Math.min(imageWidth, wantW);
        } else if (wantH > h) {
            h = Math.min(imageHeight, wantH);
        }
        int x = place(box.x(), box.width(), w, imageWidth);
        int y = place(box.y(), box.height(), h, imageHeight);
        return new CropBox(x, y, w, h);
    }

    private static int place(int start, int oldSize, int newSize, int limit) {
        int s = start - (newSize - oldSize) / 2;
        return Math.max(0, Math.min(limit - newSize, s));
    }
}
