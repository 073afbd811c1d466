package dev.inpaintstudio.editor.history;

import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.PixelRect;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the mask's pixels before a stroke changes them, tile by tile as the stroke reaches them,
 * so a stroke on a huge mask copies only what it touches. {@link #finish} turns it into an edit.
 */
public final class MaskChangeRecorder {
    private static final int TILE = 64;

    private final MaskLayer mask;
    private final Map<Long, byte[]> originalTiles = new HashMap<>();
    private PixelRect touched = PixelRect.EMPTY;

    public MaskChangeRecorder(MaskLayer mask) {
        this.mask = mask;
    }

    /** Call before changing {@code area}. */
    public void aboutToChange(PixelRect area) {
        area = area.intersect(mask.bounds());
        if (area.isEmpty()) {
            return;
        }
        for (int ty = area.y() / TILE; ty <= (area.bottom() - 1) / TILE; ty++) {
            for (int tx = area.x() / TILE; tx <= (area.right() - 1) / TILE; tx++) {
                originalTiles.computeIfAbsent(key(tx, ty), k -> mask.copyRegion(tileRect(k)));
            }
        }
        touched = touched.union(area);
    }

    public boolean isEmpty() {
        return touched.isEmpty();
    }

    /** The edit from the recorded pixels to the mask as it is now, or null if nothing changed. */
    public MaskRegionEdit finish(String name) {
        if (touched.isEmpty()) {
            return null;
        }
        byte[] after = mask.copyRegion(touched);
        byte[] before = after.clone();
        for (Map.Entry<Long, byte[]> tile : originalTiles.entrySet()) {
            PixelRect tileRect = tileRect(tile.getKey());
            PixelRect overlap = tileRect.intersect(touched);
            for (int y = overlap.y(); y < overlap.bottom(); y++) {
                System.arraycopy(tile.getValue(), (y - tileRect.y()) * tileRect.width() + (overlap.x() - tileRect.x()),
                        before, (y - touched.y()) * touched.width() + (overlap.x() - touched.x()), overlap.width());
            }
        }
        if (java.util.Arrays.equals(before, after)) {
            return null;
        }
        return new MaskRegionEdit(name, mask, touched, before, after);
    }

    private static long key(int tx, int ty) {
        return ((long) ty << 32) | (tx & 0xffffffffL);
    }

    private PixelRect tileRect(long key) {
        int tx = (int) key;
        int ty = (int) (key >> 32);
        return new PixelRect(tx * TILE, ty * TILE, TILE, TILE).intersect(mask.bounds());
    }
}
