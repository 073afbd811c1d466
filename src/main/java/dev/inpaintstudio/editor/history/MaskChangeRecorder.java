package dev.inpaintstudio.editor.history;

import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.PixelRect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the mask's pixels before a stroke changes them, tile by tile as the stroke reaches them,
 * so a stroke on a huge mask copies only what it touches. {@link #finish} turns it into an edit
 * holding the XOR delta of each touched tile.
 */
public final class MaskChangeRecorder {
    static final int TILE = 64;

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
                long key = key(tx, ty);
                if (!originalTiles.containsKey(key)) {
                    originalTiles.put(key, mask.copyRegion(tileRect(key)));
                }
            }
        }
        touched = touched.union(area);
    }

    public boolean isEmpty() {
        return touched.isEmpty();
    }

    /** The area reported to {@link #aboutToChange} so far. */
    public PixelRect touched() {
        return touched;
    }

    /** The edit from the recorded pixels to the mask as it is now, or null if nothing changed. */
    public MaskRegionEdit finish(String name) {
        if (touched.isEmpty()) {
            return null;
        }
        List<MaskDelta> deltas = new ArrayList<>();
        mask.read((data, width) -> {
            for (Map.Entry<Long, byte[]> tile : originalTiles.entrySet()) {
                PixelRect r = tileRect(tile.getKey());
                MaskDelta d = MaskDelta.between(r, tile.getValue(), 0, r.width(), data, r.y() * width + r.x(), width);
                if (d != null) {
                    deltas.add(d);
                }
            }
        });
        originalTiles.clear();
        return deltas.isEmpty() ? null : new MaskRegionEdit(name, mask, deltas);
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
