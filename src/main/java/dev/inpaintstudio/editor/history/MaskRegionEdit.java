package dev.inpaintstudio.editor.history;

import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.PixelRect;

/** A mask change kept as the pixels of its dirty rectangle, before and after. */
public final class MaskRegionEdit implements Edit {
    private final String name;
    private final MaskLayer mask;
    private final PixelRect region;
    private final byte[] before;
    private final byte[] after;

    public MaskRegionEdit(String name, MaskLayer mask, PixelRect region, byte[] before, byte[] after) {
        this.name = name;
        this.mask = mask;
        this.region = region;
        this.before = before;
        this.after = after;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void undo() {
        mask.writeRegion(region, before);
    }

    @Override
    public void redo() {
        mask.writeRegion(region, after);
    }

    @Override
    public long sizeInBytes() {
        return before.length + (long) after.length + 64;
    }

    public PixelRect region() {
        return region;
    }
}
