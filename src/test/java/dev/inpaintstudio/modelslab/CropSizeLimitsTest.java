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
                }
            }
        }
        assertEquals(pictures.length * 6 * settings.length * Endpoint.values().length, checked);
    }
}
