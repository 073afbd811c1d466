package dev.inpaintstudio.editor;

import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.ImageReadException;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.imaging.Resampling;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Masks as files: any PNG or JPEG reads as coverage (its luminance, so white = masked), and the mask
 * writes as a lossless white-on-black PNG. A file of another size is never stretched silently: the
 * caller asks the user and passes {@code rescale}.
 */
public final class MaskFiles {
    private MaskFiles() {
    }

    public static BufferedImage read(Path file) throws ImageReadException {
        return ImageFiles.read(file);
    }

    public static boolean sizeMatches(BufferedImage maskImage, int width, int height) {
        return maskImage.getWidth() == width && maskImage.getHeight() == height;
    }

    /** What to ask when the sizes differ. */
    public static String mismatchMessage(BufferedImage maskImage, int width, int height) {
        String aspect = Math.abs((double) maskImage.getWidth() / maskImage.getHeight() - (double) width / height) > 0.01
                ? " Its proportions differ, so rescaling stretches it." : "";
        return "The mask is " + maskImage.getWidth() + " × " + maskImage.getHeight() + " pixels, the picture "
                + width + " × " + height + "." + aspect + " Rescale the mask to the picture's size?";
    }

    /**
     * The coverage of {@code maskImage} for a picture of {@code width × height}.
     *
     * @throws IllegalArgumentException if the sizes differ and {@code rescale} is false
     */
    public static byte[] toCoverage(BufferedImage maskImage, int width, int height, boolean rescale) {
        if (sizeMatches(maskImage, width, height)) {
            return MaskImages.toCoverage(maskImage);
        }
        if (!rescale) {
            throw new IllegalArgumentException(mismatchMessage(maskImage, width, height));
        }
        BufferedImage gray = MaskImages.toImage(MaskImages.toCoverage(maskImage), maskImage.getWidth(), maskImage.getHeight());
        return MaskImages.toCoverage(Resampling.resize(gray, width, height));
    }

    /** Writes the coverage as a grey PNG (white = masked), losslessly, replacing {@code target} atomically. */
    public static void writePng(byte[] coverage, int width, int height, Path target) throws IOException {
        PngEncoder.writeAtomically(MaskImages.toImage(coverage, width, height), target);
    }
}
