package dev.inpaintstudio.editor.history;

import dev.inpaintstudio.editor.PixelRect;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MaskDeltaTest {
    @Test
    void applyingTheDeltaTurnsBeforeIntoAfterAndBack() {
        Random r = new Random(7);
        int w = 300;
        int h = 200;
        for (int round = 0; round < 20; round++) {
            byte[] before = new byte[w * h];
            r.nextBytes(before);
            byte[] after = before.clone();
            int changes = r.nextInt(5000);
            for (int i = 0; i < changes; i++) {
                after[r.nextInt(after.length)] = (byte) r.nextInt(256);
            }
            // runs of one value, as fills make
            int start = r.nextInt(after.length - 500);
            java.util.Arrays.fill(after, start, start + r.nextInt(500), (byte) 255);
            PixelRect region = new PixelRect(0, 0, w, h);
            MaskDelta d = MaskDelta.between(region, before, 0, w, after, 0, w);
            byte[] data = before.clone();
            if (d == null) {
                assertArrayEquals(before, after);
                continue;
            }
            d.applyTo(data, w);
            assertArrayEquals(after, data, "before ⊕ delta = after");
            d.applyTo(data, w);
            assertArrayEquals(before, data, "after ⊕ delta = before");
        }
    }

    @Test
    void aSubRectangleBetweenDifferentLayouts() {
        int w = 50;
        byte[] mask = new byte[w * 40];
        PixelRect tile = new PixelRect(10, 5, 16, 12);
        byte[] original = new byte[tile.width() * tile.height()];
        for (int y = 8; y < 12; y++) {
            for (int x = 12; x < 20; x++) {
                mask[y * w + x] = (byte) (x * 10);
            }
        }
        MaskDelta d = MaskDelta.between(tile, original, 0, tile.width(), mask, tile.y() * w + tile.x(), w);
        byte[] target = new byte[w * 40];
        d.applyTo(target, w);
        assertArrayEquals(mask, target);
    }

    @Test
    void unchangedPixelsCostAlmostNothing() {
        int w = 4096;
        int h = 1024;
        byte[] before = new byte[w * h];
        byte[] after = before.clone();
        for (int x = 0; x < w; x++) {
            after[(x * h / w) * w + x] = (byte) 255; // a thin diagonal line across a 4 MB region
        }
        MaskDelta d = MaskDelta.between(new PixelRect(0, 0, w, h), before, 0, w, after, 0, w);
        assertTrue(d.sizeInBytes() < 40_000, "a diagonal line is stored in " + d.sizeInBytes() + " bytes, not 4 MB");
        java.util.Arrays.fill(after, (byte) 255);
        MaskDelta fill = MaskDelta.between(new PixelRect(0, 0, w, h), before, 0, w, after, 0, w);
        assertTrue(fill.sizeInBytes() < 20_000, "filling is stored in " + fill.sizeInBytes() + " bytes");
    }

    @Test
    void noChangeIsNoDelta() {
        byte[] a = new byte[100];
        assertNull(MaskDelta.between(new PixelRect(0, 0, 10, 10), a, 0, 10, a.clone(), 0, 10));
    }
}
