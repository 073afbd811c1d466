package dev.inpaintstudio.editor.history;

import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.PixelRect;

import java.util.List;

/**
 * A mask change kept as XOR deltas of the rectangles it touched. Undo and redo apply the same
 * deltas (XOR is its own inverse), so both restore the mask byte for byte.
 */
public final class MaskRegionEdit implements Edit {
    private final String name;
    private final MaskLayer mask;
    private final List<MaskDelta> deltas;
    private final PixelRect region;
    private final long size;

    public MaskRegionEdit(String name, MaskLayer mask, List<MaskDelta> deltas) {
        if (deltas.isEmpty()) {
            throw new IllegalArgumentException("An edit needs at least one change");
        }
        this.name = name;
        this.mask = mask;
        this.deltas = List.copyOf(deltas);
        PixelRect r = PixelRect.EMPTY;
        long s = 64;
        for (MaskDelta d : this.deltas) {
            r = r.union(d.region());
            s += d.sizeInBytes();
        }
        this.region = r;
        this.size = s;
    }

    /**
     * The edit that turns {@code before} into {@code after} (whole-mask arrays), or null if they are
     * equal. It is not applied: call {@link #redo()} to apply it to a mask that still holds {@code before}.
     */
    public static MaskRegionEdit between(String name, MaskLayer mask, byte[] before, byte[] after) {
        int w = mask.width();
        int h = mask.height();
        if (before.length != (long) w * h || after.length != before.length) {
            throw new IllegalArgumentException("Arrays do not match the mask's size");
        }
        int top = -1;
        int bottom = -1;
        int left = w;
        int right = 0;
        for (int y = 0; y < h; y++) {
            int o = y * w;
            int first = java.util.Arrays.mismatch(before, o, o + w, after, o, o + w);
            if (first < 0) {
                continue;
            }
            if (top < 0) {
                top = y;
            }
            bottom = y;
            left = Math.min(left, first);
            int last = w - 1;
            while (last > right && before[o + last] == after[o + last]) {
                last--;
            }
            right = Math.max(right, last);
        }
        if (top < 0) {
            return null;
        }
        PixelRect r = PixelRect.ofBounds(left, top, right + 1, bottom + 1);
        int offset = r.y() * w + r.x();
        MaskDelta delta = MaskDelta.between(r, before, offset, w, after, offset, w);
        return new MaskRegionEdit(name, mask, List.of(delta));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void undo() {
        apply();
    }

    @Override
    public void redo() {
        apply();
    }

    private void apply() {
        mask.modify(region, (data, stride) -> {
            for (MaskDelta d : deltas) {
                d.applyTo(data, stride);
            }
        });
    }

    @Override
    public long sizeInBytes() {
        return size;
    }

    /** The bounding rectangle of everything this edit changes. */
    public PixelRect region() {
        return region;
    }
}
