package dev.inpaintstudio.editor.history;

import dev.inpaintstudio.editor.MaskLayer;

/** Inverting the mask: its own inverse, so the step stores no pixels at all. */
public final class InvertEdit implements Edit {
    private final MaskLayer mask;

    public InvertEdit(MaskLayer mask) {
        this.mask = mask;
    }

    /** Inverts the mask and returns the step for the history. */
    public static InvertEdit apply(MaskLayer mask) {
        InvertEdit edit = new InvertEdit(mask);
        edit.redo();
        return edit;
    }

    @Override
    public String name() {
        return "Invert mask";
    }

    @Override
    public void undo() {
        invert();
    }

    @Override
    public void redo() {
        invert();
    }

    private void invert() {
        mask.modify(mask.bounds(), (data, w) -> {
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) ~data[i];
            }
        });
    }

    @Override
    public long sizeInBytes() {
        return 64;
    }
}
