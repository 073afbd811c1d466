package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.history.MaskChangeRecorder;
import dev.inpaintstudio.editor.history.MaskRegionEdit;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/** The picture being edited, its mask and the mask's history. The picture itself is never modified. */
public final class Document {
    private final BufferedImage image;
    private final String name;
    private final Path source;
    private final MaskLayer mask;
    private final History history;

    public Document(BufferedImage image, String name, Path source, long historyBudgetBytes) {
        this.image = image;
        this.name = name;
        this.source = source;
        this.mask = new MaskLayer(image.getWidth(), image.getHeight());
        this.history = new History(historyBudgetBytes);
    }

    public BufferedImage image() {
        return image;
    }

    public String name() {
        return name;
    }

    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    public MaskLayer mask() {
        return mask;
    }

    public History history() {
        return history;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** Clears the mask as one undoable step. */
    public void clearMask() {
        MaskChangeRecorder recorder = new MaskChangeRecorder(mask);
        recorder.aboutToChange(mask.bounds());
        mask.fill(0);
        MaskRegionEdit edit = recorder.finish("Clear mask");
        if (edit != null) {
            history.push(edit);
        }
    }
}
