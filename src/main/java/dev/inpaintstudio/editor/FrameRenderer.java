package dev.inpaintstudio.editor;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Composites what the editor shows — the picture with the mask over it — into a frame buffer the size
 * of the view (ARGB, opaque), so the cost of a redraw follows the view, never the image, and images
 * of any size (past the GPU's texture limit) display. Zoomed in, pixels are sampled nearest-neighbour
 * (crisp); zoomed out, bilinearly from the pyramid level nearest the scale. Every image↔frame
 * position comes from the {@link Viewport}. No JavaFX: the view uploads the buffer.
 */
public final class FrameRenderer {
    public enum MaskMode { FILL, OUTLINE, HIDDEN }

    public static final int BACKGROUND = 0xff2b2d30;
    private static final int CHECK_LIGHT = 0xff9a9a9a;
    private static final int CHECK_DARK = 0xff6e6e6e;
    private static final int OUTLINE_CONTRAST = 0xffffffff;
    /** Full redraws of at least this many frame pixels are split across cores. */
    private static final int PARALLEL_PIXELS = 200_000;

    private final PicturePyramid picture;
    private final MaskPyramid mask;
    private final Viewport viewport;

    private int frameWidth;
    private int frameHeight;
    private int[] frame = new int[0];
    private double renderScale = 1;

    private int overlayRgb = 0xff3b5c;
    private final int[] alphaOf = new int[256];
    private MaskMode mode = MaskMode.FILL;

    // Sampling tables for the current view: per frame column and row, the level pixel(s) to read.
    private boolean tablesValid;
    private double tScale = Double.NaN;
    private double tOffsetX = Double.NaN;
    private double tOffsetY = Double.NaN;
    private double tRenderScale = Double.NaN;
    private int tAvailable = -1;
    private int level;
    private boolean bilinear;
    private int[] colA = new int[0];
    private int[] colB = new int[0];
    private int[] colW = new int[0];
    private int[] rowA = new int[0];
    private int[] rowB = new int[0];
    private int[] rowW = new int[0];

    public FrameRenderer(PicturePyramid picture, MaskPyramid mask, Viewport viewport) {
        this.picture = picture;
        this.mask = mask;
        this.viewport = viewport;
        setOverlay(overlayRgb, 0.5, MaskMode.FILL);
    }

    /** Sizes the frame buffer; {@code renderScale} frame pixels make one view unit (HiDPI). */
    public void setFrame(int width, int height, double renderScale) {
        if (width != frameWidth || height != frameHeight) {
            frameWidth = width;
            frameHeight = height;
            frame = new int[Math.max(0, width) * Math.max(0, height)];
            tablesValid = false;
        }
        if (renderScale != this.renderScale) {
            this.renderScale = renderScale;
            tablesValid = false;
        }
    }

    public int frameWidth() {
        return frameWidth;
    }

    public int frameHeight() {
        return frameHeight;
    }

    /** The frame, row-major, {@link #frameWidth()} pixels a row, opaque ARGB. */
    public int[] pixels() {
        return frame;
    }

    /** The overlay colour (RGB), its opacity (0–1) and how the mask is shown. Needs a full render after. */
    public void setOverlay(int rgb, double opacity, MaskMode mode) {
        this.overlayRgb = rgb & 0xffffff;
        this.mode = mode;
        double o = Math.max(0, Math.min(1, opacity));
        for (int c = 0; c < 256; c++) {
            alphaOf[c] = (int) Math.round(c * o * 256 / 255);
        }
    }

    /** Renders the whole frame. */
    public void renderAll() {
        prepare();
        int h = frameHeight;
        if ((long) frameWidth * h >= PARALLEL_PIXELS) {
            int bands = Math.max(1, Math.min(64, h / 32));
            IntStream.range(0, bands).parallel().forEach(b ->
                    renderRows(0, frameWidth, h * b / bands, h * (b + 1) / bands));
        } else {
            renderRows(0, frameWidth, 0, h);
        }
    }

    /**
     * Renders the part of the frame that shows the image area {@code dirty} (plus what sampling and
     * the outline need around it).
     *
     * @return the frame rectangle rendered, empty if none of it is in view
     */
    public PixelRect renderImageRect(PixelRect dirty) {
        if (dirty.isEmpty()) {
            return PixelRect.EMPTY;
        }
        prepare();
        int margin = bilinear ? 2 << level : 0;
        double x0 = (viewport.toViewX(dirty.x() - margin)) * renderScale;
        double x1 = (viewport.toViewX(dirty.right() + margin)) * renderScale;
        double y0 = (viewport.toViewY(dirty.y() - margin)) * renderScale;
        double y1 = (viewport.toViewY(dirty.bottom() + margin)) * renderScale;
        PixelRect r = PixelRect.ofBounds((int) Math.max(-1, Math.floor(x0) - 1), (int) Math.max(-1, Math.floor(y0) - 1),
                (int) Math.min(frameWidth + 1, Math.ceil(x1) + 1), (int) Math.min(frameHeight + 1, Math.ceil(y1) + 1))
                .intersect(new PixelRect(0, 0, frameWidth, frameHeight));
        if (!r.isEmpty()) {
            renderRows(r.x(), r.right(), r.y(), r.bottom());
        }
        return r;
    }

    /** (Re)builds the sampling tables if the view changed since they were made. */
    private void prepare() {
        int avail = picture.available();
        if (tablesValid && tScale == viewport.scale() && tOffsetX == viewport.offsetX() && tOffsetY == viewport.offsetY()
                && tRenderScale == renderScale && tAvailable == avail) {
            return;
        }
        tScale = viewport.scale();
        tOffsetX = viewport.offsetX();
        tOffsetY = viewport.offsetY();
        tRenderScale = renderScale;
        tAvailable = avail;
        double pixelsPerImagePixel = viewport.scale() * renderScale;
        bilinear = pixelsPerImagePixel < 1;
        level = 0;
        if (bilinear) {
            level = (int) Math.floor(Math.log(1 / pixelsPerImagePixel) / Math.log(2) + 1e-9);
            level = Math.max(0, Math.min(level, avail - 1));
        }
        if (colA.length != frameWidth) {
            colA = new int[frameWidth];
            colB = new int[frameWidth];
            colW = new int[frameWidth];
        }
        if (rowA.length != frameHeight) {
            rowA = new int[frameHeight];
            rowB = new int[frameHeight];
            rowW = new int[frameHeight];
        }
        int imageW = picture.width(0);
        int imageH = picture.height(0);
        for (int fx = 0; fx < frameWidth; fx++) {
            table(viewport.toImageX((fx + 0.5) / renderScale), imageW, picture.width(level), fx, colA, colB, colW);
        }
        for (int fy = 0; fy < frameHeight; fy++) {
            table(viewport.toImageY((fy + 0.5) / renderScale), imageH, picture.height(level), fy, rowA, rowB, rowW);
        }
        tablesValid = true;
    }

    private void table(double imagePos, int imageSize, int levelSize, int i, int[] a, int[] b, int[] w) {
        if (!(imagePos >= 0 && imagePos < imageSize)) {
            a[i] = -1;
            return;
        }
        if (!bilinear) {
            a[i] = (int) imagePos;
            b[i] = a[i];
            w[i] = 0;
            return;
        }
        double u = imagePos / (1 << level) - 0.5;
        int p = (int) Math.floor(u);
        int weight = (int) Math.round((u - p) * 256);
        a[i] = Math.max(0, Math.min(levelSize - 1, p));
        b[i] = Math.max(0, Math.min(levelSize - 1, p + 1));
        w[i] = weight;
    }

    private void renderRows(int x0, int x1, int y0, int y1) {
        if (mode != MaskMode.OUTLINE) {
            renderRowsFilled(x0, x1, y0, y1);
            return;
        }
        int lw = picture.width(level);
        int[] pic = picture.level(level);
        byte[] cov = mask.level(level);
        boolean outline = mode == MaskMode.OUTLINE;
        int span = x1 - x0 + 2;
        int[] above = new int[span];
        int[] here = new int[span];
        int[] below = new int[span];
        if (outline) {
            sampleMaskRow(y0 - 1, x0 - 1, x1 + 1, above, cov, lw);
            sampleMaskRow(y0, x0 - 1, x1 + 1, here, cov, lw);
        }
        for (int fy = y0; fy < y1; fy++) {
            int out = fy * frameWidth;
            int ra = rowA[fy];
            if (ra < 0) {
                Arrays.fill(frame, out + x0, out + x1, BACKGROUND);
                if (outline) {
                    int[] t = above;
                    above = here;
                    here = t;
                    sampleMaskRow(fy + 1, x0 - 1, x1 + 1, here, cov, lw);
                }
                continue;
            }
            if (outline) {
                sampleMaskRow(fy + 1, x0 - 1, x1 + 1, below, cov, lw);
            } else if (mode == MaskMode.FILL) {
                sampleMaskRow(fy, x0 - 1, x1 + 1, here, cov, lw);
            }
            int rb = rowB[fy];
            int wy = rowW[fy];
            int pa = ra * lw;
            int pb = rb * lw;
            for (int fx = x0; fx < x1; fx++) {
                int ca = colA[fx];
                if (ca < 0) {
                    frame[out + fx] = BACKGROUND;
                    continue;
                }
                int p;
                if (bilinear) {
                    int cb = colB[fx];
                    int wx = colW[fx];
                    p = lerp(lerp(pic[pa + ca], pic[pa + cb], wx), lerp(pic[pb + ca], pic[pb + cb], wx), wy);
                } else {
                    p = pic[pa + ca];
                }
                if ((p >>> 24) != 0xff) {
                    p = over(p, (((fx >> 3) + (fy >> 3)) & 1) == 0 ? CHECK_LIGHT : CHECK_DARK);
                }
                int i = fx - x0 + 1;
                if (mode == MaskMode.FILL) {
                    int a = alphaOf[here[i]];
                    if (a != 0) {
                        p = blend(p, overlayRgb, a);
                    }
                } else if (outline) {
                    int c = here[i];
                    if (c >= 128 && (here[i - 1] < 128 || here[i + 1] < 128 || above[i] < 128 || below[i] < 128)) {
                        p = (((fx + fy) >> 2) & 1) == 0 ? 0xff000000 | overlayRgb : OUTLINE_CONTRAST;
                    }
                }
                frame[out + fx] = p | 0xff000000;
            }
            if (outline) {
                int[] t = above;
                above = here;
                here = below;
                below = t;
            }
        }
    }

    /** The usual case, the mask filled with the overlay colour (or hidden): one pass, no row buffers. */
    private void renderRowsFilled(int x0, int x1, int y0, int y1) {
        int lw = picture.width(level);
        int[] pic = picture.level(level);
        byte[] cov = mask.level(level);
        boolean hidden = mode == MaskMode.HIDDEN;
        int rgb = overlayRgb;
        for (int fy = y0; fy < y1; fy++) {
            int out = fy * frameWidth;
            int ra = rowA[fy];
            if (ra < 0) {
                Arrays.fill(frame, out + x0, out + x1, BACKGROUND);
                continue;
            }
            int pa = ra * lw;
            if (!bilinear) {
                for (int fx = x0; fx < x1; fx++) {
                    int ca = colA[fx];
                    if (ca < 0) {
                        frame[out + fx] = BACKGROUND;
                        continue;
                    }
                    int p = pic[pa + ca];
                    if ((p >>> 24) != 0xff) {
                        p = over(p, (((fx >> 3) + (fy >> 3)) & 1) == 0 ? CHECK_LIGHT : CHECK_DARK);
                    }
                    if (!hidden) {
                        int a = alphaOf[cov[pa + ca] & 0xff];
                        if (a != 0) {
                            p = blend(p, rgb, a);
                        }
                    }
                    frame[out + fx] = p | 0xff000000;
                }
                continue;
            }
            int pb = rowB[fy] * lw;
            int wy = rowW[fy];
            int iwy = 256 - wy;
            for (int fx = x0; fx < x1; fx++) {
                int ca = colA[fx];
                if (ca < 0) {
                    frame[out + fx] = BACKGROUND;
                    continue;
                }
                int cb = colB[fx];
                int wx = colW[fx];
                int p = lerp(lerp(pic[pa + ca], pic[pa + cb], wx), lerp(pic[pb + ca], pic[pb + cb], wx), wy);
                if ((p >>> 24) != 0xff) {
                    p = over(p, (((fx >> 3) + (fy >> 3)) & 1) == 0 ? CHECK_LIGHT : CHECK_DARK);
                }
                if (!hidden) {
                    int iwx = 256 - wx;
                    int top = (cov[pa + ca] & 0xff) * iwx + (cov[pa + cb] & 0xff) * wx;
                    int bottom = (cov[pb + ca] & 0xff) * iwx + (cov[pb + cb] & 0xff) * wx;
                    int a = alphaOf[(top * iwy + bottom * wy + (1 << 15)) >>> 16];
                    if (a != 0) {
                        p = blend(p, rgb, a);
                    }
                }
                frame[out + fx] = p | 0xff000000;
            }
        }
    }

    /** Mask coverage at frame row {@code fy}, columns [x0, x1) into {@code out[0…]}; 0 outside the image. */
    private void sampleMaskRow(int fy, int x0, int x1, int[] out, byte[] cov, int lw) {
        // Beyond the frame's edge, repeat its last row or column: only the image's edge is an edge.
        fy = Math.max(0, Math.min(frameHeight - 1, fy));
        if (rowA[fy] < 0) {
            Arrays.fill(out, 0, x1 - x0, 0);
            return;
        }
        int pa = rowA[fy] * lw;
        int pb = rowB[fy] * lw;
        int wy = rowW[fy];
        for (int fx = x0; fx < x1; fx++) {
            int i = fx - x0;
            int f = Math.max(0, Math.min(frameWidth - 1, fx));
            int ca = colA[f];
            if (ca < 0) {
                out[i] = 0;
                continue;
            }
            if (!bilinear) {
                out[i] = cov[pa + ca] & 0xff;
                continue;
            }
            int cb = colB[f];
            int wx = colW[f];
            int top = ((cov[pa + ca] & 0xff) * (256 - wx) + (cov[pa + cb] & 0xff) * wx);
            int bottom = ((cov[pb + ca] & 0xff) * (256 - wx) + (cov[pb + cb] & 0xff) * wx);
            out[i] = (top * (256 - wy) + bottom * wy + (1 << 15)) >>> 16;
        }
    }

    /** a + (b − a) × w / 256 on all four channels. */
    private static int lerp(int a, int b, int w) {
        if (w == 0 || a == b) {
            return a;
        }
        int iw = 256 - w;
        int rb = ((((a & 0xff00ff) * iw) + ((b & 0xff00ff) * w)) >>> 8) & 0xff00ff;
        int ag = ((((a >>> 8) & 0xff00ff) * iw) + (((b >>> 8) & 0xff00ff) * w)) & 0xff00ff00;
        return ag | rb;
    }

    /** The overlay colour over {@code p} at alpha {@code a} (0–256). */
    private static int blend(int p, int rgb, int a) {
        int ia = 256 - a;
        int rb = ((((p & 0xff00ff) * ia) + ((rgb & 0xff00ff) * a)) >>> 8) & 0xff00ff;
        int g = ((((p & 0x00ff00) * ia) + ((rgb & 0x00ff00) * a)) >>> 8) & 0x00ff00;
        return 0xff000000 | rb | g;
    }

    /** A translucent ARGB pixel over an opaque background. */
    private static int over(int p, int background) {
        int a = p >>> 24;
        return blend(background, p & 0xffffff, a + (a >> 7));
    }
}
