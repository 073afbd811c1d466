package dev.inpaintstudio.bench.eval;

import java.awt.image.BufferedImage;

/** One way of filling a hole, compared with the others on the same picture and hole. */
interface HoleFiller {
    /** Short column heading. */
    String name();

    /**
     * @param image opaque RGB picture, not modified
     * @param hole  one byte per pixel, 255 where the picture is to be replaced
     * @return a TYPE_INT_RGB picture of the same size
     */
    BufferedImage fill(BufferedImage image, byte[] hole);
}
