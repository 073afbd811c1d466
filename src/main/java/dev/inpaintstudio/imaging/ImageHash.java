package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A picture's identity: the SHA-256 of its size and ARGB pixels, whatever file format it came in. */
public final class ImageHash {
    private ImageHash() {
    }

    public static String sha256(BufferedImage image) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        digest.update(ByteBuffer.allocate(8).putInt(w).putInt(h).array());
        int[] row = new int[w];
        ByteBuffer bytes = ByteBuffer.allocate(w * 4);
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            bytes.clear();
            bytes.asIntBuffer().put(row);
            digest.update(bytes.array(), 0, w * 4);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
