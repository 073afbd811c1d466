package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.history.MaskRegionEdit;
import dev.inpaintstudio.imaging.ImageConversions;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.Optional;

/** The picture being edited, its mask and the mask's history. The picture itself is never modified. */
public final class Document {
    private final BufferedImage image;
    private final String name;
    private final Path source;
    private final MaskLayer mask;
    private final History history;
    private PicturePyramid pyramid;

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

    /**
     * The picture as ARGB pixels, row by row, for display and the magic wand: the image's own array
     * when it is already INT_ARGB (no copy), else a converted copy. Read only.
     */
    public synchronized PicturePyramid picture() {
        if (pyramid == null) {
            pyramid = new PicturePyramid(argbPixels(image), image.getWidth(), image.getHeight());
        }
        return pyramid;
    }

    private static int[] argbPixels(BufferedImage image) {
        BufferedImage argb = ImageConversions.toArgb(image);
        WritableRaster raster = argb.getRaster();
        int w = argb.getWidth();
        int h = argb.getHeight();
        if (raster.getDataBuffer() instanceof DataBufferInt buffer && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0 && buffer.getSize() == w * h
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model && model.getScanlineStride() == w) {
            return buffer.getData();
        }
        return argb.getRGB(0, 0, w, h, null, 0, w);
    }

    /** Clears the mask as one undoable step. */
    public void clearMask() {
        MaskRegionEdit edit = MaskRegionEdit.between("Clear mask", mask, mask.copyCoverage(), new byte[width() * height()]);
        if (edit != null) {
            edit.redo();
            history.push(edit);
        }
    }
}
