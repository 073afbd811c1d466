package dev.inpaintstudio.bench.eval;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.photo.Photo;

import java.awt.image.BufferedImage;

/** OpenCV's classical inpainting, the reference the offline engine is measured against. */
final class OpenCvInpaint implements HoleFiller {
    /** Neighbourhood radius in pixels that both methods draw from; OpenCV's samples use 3–5. */
    static final double RADIUS = 5;

    private static boolean loaded;

    private final String name;
    private final int method;

    private OpenCvInpaint(String name, int method) {
        this.name = name;
        this.method = method;
    }

    static OpenCvInpaint telea() {
        return new OpenCvInpaint("Telea", Photo.INPAINT_TELEA);
    }

    static OpenCvInpaint navierStokes() {
        return new OpenCvInpaint("NS", Photo.INPAINT_NS);
    }

    /** Unpacks and loads the native library for this OS from the openpnp jar; returns OpenCV's version. */
    static synchronized String load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
        return Core.VERSION;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BufferedImage fill(BufferedImage image, byte[] hole) {
        load();
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] bgr = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            int rgb = image.getRGB(i % w, i / w);
            bgr[3 * i] = (byte) rgb;
            bgr[3 * i + 1] = (byte) (rgb >> 8);
            bgr[3 * i + 2] = (byte) (rgb >> 16);
        }
        Mat src = new Mat(h, w, CvType.CV_8UC3);
        Mat mask = new Mat(h, w, CvType.CV_8UC1);
        Mat dst = new Mat();
        try {
            src.put(0, 0, bgr);
            mask.put(0, 0, hole);
            Photo.inpaint(src, mask, dst, RADIUS, method);
            dst.get(0, 0, bgr);
        } finally {
            src.release();
            mask.release();
            dst.release();
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < w * h; i++) {
            out.setRGB(i % w, i / w, (bgr[3 * i + 2] & 0xff) << 16 | (bgr[3 * i + 1] & 0xff) << 8 | (bgr[3 * i] & 0xff));
        }
        return out;
    }
}
