package dev.inpaintstudio.editor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The compositor, without JavaFX: what the view shows of the picture and the mask. */
class FrameRendererTest {
    private static final int W = 200;
    private static final int H = 100;
    private static final int PICTURE = 0xff204060;

    private final MaskLayer mask = new MaskLayer(W, H);
    private final PicturePyramid picture = solidPicture();
    private final Viewport viewport = new Viewport();
    private final MaskPyramid pyramid = new MaskPyramid(mask);
    private final FrameRenderer renderer = new FrameRenderer(picture, pyramid, viewport);

    private static PicturePyramid solidPicture() {
        int[] argb = new int[W * H];
        java.util.Arrays.fill(argb, PICTURE);
        PicturePyramid p = new PicturePyramid(argb, W, H);
        p.buildLevels();
        return p;
    }

    @Test
    void showsThePictureWhereTheViewportPutsItAndBackgroundAround() {
        viewport.panBy(10, 20);
        renderer.setFrame(300, 200, 1);
        renderer.renderAll();
        assertEquals(FrameRenderer.BACKGROUND, pixel(9, 50));
        assertEquals(PICTURE, pixel(10, 20));
        assertEquals(PICTURE, pixel(209, 119));
        assertEquals(FrameRenderer.BACKGROUND, pixel(210, 119));
        assertEquals(FrameRenderer.BACKGROUND, pixel(100, 120));
    }

    @Test
    void maskedPixelsAreTintedExactlyUnderTheirImagePixelsWhenZoomedIn() {
        mask.writeRegion(new PixelRect(50, 40, 1, 1), new byte[] {(byte) 255});
        viewport.setScaleAt(4, 0, 0); // 400 %
        viewport.panBy(-100, -80);
        renderer.setFrame(200, 200, 1);
        renderer.setOverlay(0xff0000, 1.0, FrameRenderer.MaskMode.FILL);
        renderer.renderAll();
        int vx = (int) viewport.toViewX(50);
        int vy = (int) viewport.toViewY(40);
        for (int dy = 0; dy < 4; dy++) {
            for (int dx = 0; dx < 4; dx++) {
                assertEquals(0xffff0000, pixel(vx + dx, vy + dy), "crisp 4×4 block at " + dx + "," + dy);
            }
        }
        assertEquals(PICTURE, pixel(vx - 1, vy));
        assertEquals(PICTURE, pixel(vx + 4, vy));
        assertEquals(PICTURE, pixel(vx, vy + 4));
    }

    @Test
    void dirtyRectangleUpdatesMatchAFullRedraw() {
        for (double scale : new double[] {3, 1, 0.37, 0.1}) {
            viewport.setScaleAt(scale, 0, 0);
            viewport.panBy(7.3, 3.1);
            renderer.setFrame(320, 180, 1);
            renderer.setOverlay(0x00ff00, 0.6, FrameRenderer.MaskMode.OUTLINE);
            renderer.renderAll();
            MaskPyramid fresh = new MaskPyramid(mask);
            FrameRenderer reference = new FrameRenderer(picture, fresh, viewport);
            reference.setFrame(320, 180, 1);
            reference.setOverlay(0x00ff00, 0.6, FrameRenderer.MaskMode.OUTLINE);
            PixelRect dirty = mask.dab(60, 30, 12, 0.5, false);
            // the renderer under test only sees the dirty rectangle
            pyramid.update(dirty);
            renderer.renderImageRect(dirty);
            fresh.update(mask.bounds());
            reference.renderAll();
            assertArrayEquals(reference.pixels(), renderer.pixels(), "scale " + scale);
            mask.fill(0);
            pyramid.update(mask.bounds());
        }
    }

    @Test
    void outlineModeDrawsOnlyTheEdgeAndHiddenNothing() {
        mask.writeRegion(new PixelRect(20, 20, 30, 30), filled(900));
        renderer.setFrame(W, H, 1);
        renderer.setOverlay(0x00ff00, 0.5, FrameRenderer.MaskMode.OUTLINE);
        renderer.renderAll();
        assertNotEquals(PICTURE, pixel(20, 30), "the left edge is drawn");
        assertEquals(PICTURE, pixel(35, 35), "the inside is not");
        assertEquals(PICTURE, pixel(19, 30), "nor the outside");
        renderer.setOverlay(0x00ff00, 0.5, FrameRenderer.MaskMode.HIDDEN);
        renderer.renderAll();
        assertEquals(PICTURE, pixel(20, 30));
        renderer.setOverlay(0x00ff00, 0.5, FrameRenderer.MaskMode.FILL);
        renderer.renderAll();
        int tinted = pixel(35, 35);
        assertEquals(0x10, (tinted >> 16) & 0xff, 2, "half of red 0x20");
        assertEquals(0xa0, (tinted >> 8) & 0xff, 2, "half way from 0x40 to 0xff");
    }

    @Test
    void zoomedOutAThinStrokeStaysVisible() {
        mask.writeRegion(new PixelRect(0, 50, W, 1), filled(W)); // a 1-px line
        pyramid.update(mask.bounds());
        viewport.setScaleAt(0.1, 0, 0);
        renderer.setFrame(20, 10, 1);
        renderer.setOverlay(0xff0000, 1, FrameRenderer.MaskMode.FILL);
        renderer.renderAll();
        int reddest = 0;
        for (int y = 0; y < 10; y++) {
            reddest = Math.max(reddest, (pixel(10, y) >> 16) & 0xff);
        }
        assertTrue(reddest > 0x20 + 8, "a 1-px line shows faintly at 10 % (averaged, not skipped): " + reddest);
    }

    private int pixel(int x, int y) {
        return renderer.pixels()[y * renderer.frameWidth() + x];
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 255);
        return b;
    }
}
