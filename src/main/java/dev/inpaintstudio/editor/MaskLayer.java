package dev.inpaintstudio.editor;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mask: one coverage byte per image pixel (0 = keep, 255 = repaint). Every change names its
 * dirty rectangle so views redraw and history stores only that area.
 */
public final class MaskLayer {
    /** Told which area changed; called on the thread that changed the mask. */
    @FunctionalInterface
    public interface ChangeListener {
        void maskChanged(PixelRect dirty);
    }

    private final int width;
    private final int height;
    private final byte[] coverage;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    public MaskLayer(int width, int height) {
        this(width, height, new byte[Math.multiplyExact(width, height)]);
    }

    public MaskLayer(int width, int height, byte[] coverage) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Empty mask " + width + "×" + height);
        }
        if (coverage.length != width * height) {
            throw new IllegalArgumentException("Coverage has " + coverage.length + " bytes for " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.coverage = coverage;
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

    /** A copy of the whole coverage, safe to hand to a worker thread. */
    public byte[] copyCoverage() {
        return coverage.clone();
    }

    public boolean isEmpty() {
        for (byte b : coverage) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stamps a round dab centred at (cx, cy). Painting raises coverage to the dab's, erasing lowers it,
     * so overlapping dabs in one stroke never build up. The edge is anti-aliased over one pixel.
     *
     * @return the pixels that may have changed
     */
    public PixelRect dab(double cx, double cy, double radius, boolean erase) {
        PixelRect box = PixelRect.ofBounds((int) Math.floor(cx - radius - 1), (int) Math.floor(cy - radius - 1),
                (int) Math.ceil(cx + radius + 1), (int) Math.ceil(cy + radius + 1)).intersect(bounds());
        if (box.isEmpty()) {
            return PixelRect.EMPTY;
        }
        for (int y = box.y(); y < box.bottom(); y++) {
            double dy = y + 0.5 - cy;
            int row = y * width;
            for (int x = box.x(); x < box.right(); x++) {
                double dx = x + 0.5 - cx;
                double edge = radius + 0.5 - Math.sqrt(dx * dx + dy * dy);
                if (edge <= 0) {
                    continue;
                }
                int value = edge >= 1 ? 255 : (int) Math.round(edge * 255);
                int i = row + x;
                int old = coverage[i] & 0xff;
                coverage[i] = (byte) (erase ? Math.min(old, 255 - value) : Math.max(old, value));
            }
        }
        fire(box);
        return box;
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

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChangeListener listener) {
        listeners.remove(listener);
    }

    private void fire(PixelRect dirty) {
        for (ChangeListener l : listeners) {
            l.maskChanged(dirty);
        }
    }
}
