package dev.inpaintstudio.editor;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mask: one coverage byte per image pixel (0 = keep, 255 = repaint). Every change names its
 * dirty rectangle so views redraw and history stores only that area. Changed on the FX thread only;
 * work on other threads uses a {@link #copyCoverage() copy}.
 */
public final class MaskLayer {
    /** Told which area changed; called on the thread that changed the mask. */
    @FunctionalInterface
    public interface ChangeListener {
        void maskChanged(PixelRect dirty);
    }

    /** Direct access to the coverage array (row-major, {@code width} bytes a row), for bulk code. */
    @FunctionalInterface
    public interface PixelAccess {
        void access(byte[] coverage, int width);
    }

    private final int width;
    private final int height;
    private final byte[] coverage;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final MaskExtent extent;

    public MaskLayer(int width, int height) {
        this(width, height, new byte[Math.multiplyExact(width, height)]);
    }

    public MaskLayer(int width, int height, byte[] coverage) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Empty mask " + width + "×" + height);
        }
        if (coverage.length != (long) width * height) {
            throw new IllegalArgumentException("Coverage has " + coverage.length + " bytes for " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.coverage = coverage;
        this.extent = new MaskExtent(coverage, width, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelRect bounds() {
        return new PixelRect(0, 0, width, height);
    }

    public int get(int x, int y) {
        return coverage[y * width + x] & 0xff;
    }

    /** The live array, for readers in this package (overlay, pyramid). Never hand it to another thread. */
    byte[] data() {
        return coverage;
    }

    /** A copy of the whole coverage, safe to hand to a worker thread. */
    public byte[] copyCoverage() {
        return coverage.clone();
    }

    public boolean isEmpty() {
        return coveredBounds().isEmpty();
    }

    /**
     * The smallest rectangle holding every pixel with non-zero coverage, or {@link PixelRect#EMPTY}.
     * Kept up to date from the dirty rectangles, so asking after each stroke costs about the stroke's
     * area rather than the mask's.
     */
    public PixelRect coveredBounds() {
        return extent.bounds();
    }

    /** A hard round dab (anti-aliased over one pixel); see {@link #dab(double, double, double, double, boolean)}. */
    public PixelRect dab(double cx, double cy, double radius, boolean erase) {
        return dab(cx, cy, radius, 1, erase);
    }

    /**
     * Stamps a round dab centred at (cx, cy). Painting raises coverage to the dab's, erasing lowers it,
     * so overlapping dabs in one stroke never build up. {@code hardness} 1 gives a solid disc with a
     * one-pixel anti-aliased edge; lower values fade the outer part of the radius smoothly to 0
     * (0 fades from the centre).
     *
     * @return the pixels that may have changed
     */
    public PixelRect dab(double cx, double cy, double radius, double hardness, boolean erase) {
        PixelRect box = dabBounds(cx, cy, radius).intersect(bounds());
        if (box.isEmpty()) {
            return PixelRect.EMPTY;
        }
        double outer = radius + 0.5;
        double falloff = Math.max(1, outer * (1 - Math.max(0, Math.min(1, hardness))));
        boolean soft = falloff > 1;
        double inner = outer - falloff;
        double innerSq = inner > 0 ? inner * inner : -1;
        double outerSq = outer * outer;
        double invFalloff = 1 / falloff;
        for (int y = box.y(); y < box.bottom(); y++) {
            double dy = y + 0.5 - cy;
            double dySq = dy * dy;
            int row = y * width;
            for (int x = box.x(); x < box.right(); x++) {
                double dx = x + 0.5 - cx;
                double dSq = dx * dx + dySq;
                if (dSq >= outerSq) {
                    continue;
                }
                int value;
                if (dSq <= innerSq) {
                    value = 255;
                } else {
                    double t = (outer - Math.sqrt(dSq)) * invFalloff;
                    if (soft) {
                        t = t * t * (3 - 2 * t);
                    }
                    value = (int) (t * 255 + 0.5);
                    if (value == 0) {
                        continue;
                    }
                }
                int i = row + x;
                int old = coverage[i] & 0xff;
                if (erase) {
                    int v = 255 - value;
                    if (v < old) {
                        coverage[i] = (byte) v;
                    }
                } else if (value > old) {
                    coverage[i] = (byte) value;
                }
            }
        }
        fire(box);
        return box;
    }

    /** The pixels a dab may touch (before clipping to the mask). */
    public static PixelRect dabBounds(double cx, double cy, double radius) {
        return PixelRect.ofBounds((int) Math.floor(cx - radius - 1), (int) Math.floor(cy - radius - 1),
                (int) Math.ceil(cx + radius + 1), (int) Math.ceil(cy + radius + 1));
    }

    /** A copy of the coverage inside {@code rect}, row by row. */
    public byte[] copyRegion(PixelRect rect) {
        byte[] out = new byte[rect.width() * rect.height()];
        for (int r = 0; r < rect.height(); r++) {
            System.arraycopy(coverage, (rect.y() + r) * width + rect.x(), out, r * rect.width(), rect.width());
        }
        return out;
    }

    public void writeRegion(PixelRect rect, byte[] pixels) {
        Objects.checkFromIndexSize(0, rect.width() * rect.height(), pixels.length);
        for (int r = 0; r < rect.height(); r++) {
            System.arraycopy(pixels, r * rect.width(), coverage, (rect.y() + r) * width + rect.x(), rect.width());
        }
        fire(rect);
    }

    public void fill(int value) {
        java.util.Arrays.fill(coverage, (byte) value);
        fire(bounds());
    }

    /** Lets {@code change} edit the array in place, then tells listeners that {@code dirty} changed. */
    public void modify(PixelRect dirty, PixelAccess change) {
        change.access(coverage, width);
        PixelRect d = dirty.intersect(bounds());
        if (!d.isEmpty()) {
            fire(d);
        }
    }

    /** Lets {@code reader} read the array in place; it must not change it nor keep it. */
    public void read(PixelAccess reader) {
        reader.access(coverage, width);
    }

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChangeListener listener) {
        listeners.remove(listener);
    }

    private void fire(PixelRect dirty) {
        extent.changed(dirty);
        for (ChangeListener l : listeners) {
            l.maskChanged(dirty);
        }
    }
}
