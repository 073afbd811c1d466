package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Every size the context crop picks is one each endpoint accepts, whatever the mask and the picture. */
class CropSizeLimitsTest {
    @Test
    void everyPlannedSizePassesEveryEndpointsSizeCheck() {
        int[][] pictures = {{6000, 4000}, {4000, 6000}, {8192, 300}, {300, 8192}, {100, 60}, {1024, 1024}, {513, 1025}};
        CropSettings[] settings = {CropSettings.DEFAULT, new CropSettings(0, false, 0, false),
                new CropSettings(400, false, 64, true), CropSettings.WHOLE_IMAGE};
        int checked = 0;
        for (int[] p : pictures) {
            int w = p[0];
            int h = p[1];
            int[][] masks = {{0, 0, w, h}, {w / 2, h / 2, 1, 1}, {0, 0, 3, 3}, {w - 2, h - 2, 2, 2}, {0, h / 3, w, 2},
                    {w / 3, 0, 2, h}};
            for (int[] m : masks) {
                byte[] coverage = new byte[w * h];
                for (int y = m[1]; y < m[1] + m[3]; y++) {
                    for (int x = m[0]; x < m[0] + m[2]; x++) {
                        coverage[y * w + x] = (byte) 255;
                    }
                }
                for (CropSettings s : settings) {
                    ContextCrop crop = ContextCrop.plan(coverage, w, h, s);
                    for (Endpoint e : Endpoint.values()) {
                        List<FieldProblem> sizeProblems = e.profile()
                                .validate(InpaintParameters.defaults(e), crop.size().width(), crop.size().height())
                                .stream().filter(f -> f.field() == null).toList();
                        assertEquals(List.of(), sizeProblems, e + " " + w + "×" + h + " mask " + java.util.Arrays.toString(m)
                                + " " + s + " → " + crop);
                        checked++;
                    }
                    assertAspectKept(crop, w, h);
                }
            }
        }
        assertEquals(pictures.length * 6 * settings.length * Endpoint.values().length, checked);
    }

    /**
     * At least 256 a side, and the box's aspect within 1 % plus the rounding to multiples of 8 (no
     * stretching), unless the picture is too thin for the box to be grown to 4:1: then it spans the
     * picture across and is sent at 4:1.
     */
    private static void assertAspectKept(ContextCrop crop, int w, int h) {
        int sw = crop.size().width();
        int sh = crop.size().height();
        assertTrue(sw >= 256 && sh >= 256, "at least 256 a side: " + crop);
        double box = crop.box().width() / (double) crop.box().height();
        double sent = sw / (double) sh;
        double tolerance = 0.01 + 4.0 / sw + 4.0 / sh;
        if (box > 4 * (1 + tolerance)) {
            assertEquals(h, crop.box().height(), "a box this wide only where the picture is this low: " + crop);
            assertEquals(4.0, sent, 1e-9, crop.toString());
        } else if (1 / box > 4 * (1 + tolerance)) {
            assertEquals(w, crop.box().width(), "a box this tall only where the picture is this narrow: " + crop);
            assertEquals(0.25, sent, 1e-9, crop.toString());
        } else {
            assertEquals(1.0, sent / box, tolerance, w + "×" + h + " sent without stretching: " + crop);
        }
    }
}
