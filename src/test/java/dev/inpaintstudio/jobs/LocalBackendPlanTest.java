package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.local.ContentAwareFill;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How much context the offline engine is handed around the mask. */
class LocalBackendPlanTest {
    private static final int W = 6000;
    private static final int H = 4000;

    @Test
    void aSmallHoleGetsTheContextTheEngineWouldSearchAWholePictureFor() {
        CropBox mask = new CropBox(3000, 2000, 40, 30);
        ContextCrop plan = LocalBackend.planAround(mask, null, W, H, CropSettings.DEFAULT);
        int margin = ContentAwareFill.preferredMargin(40, 30);
        assertEquals(new CropBox(3000 - margin, 2000 - margin, 40 + 2 * margin, 30 + 2 * margin), plan.box());
        assertEquals(plan.box().width(), plan.size().width(), "worked on at its own size");
    }

    @Test
    void theExtraContextNeverPushesTheCropPastTheSizeItIsWorkedOnAt() {
        for (int side = 100; side <= 1400; side += 100) {
            CropBox mask = new CropBox(2000, 1500, side, side / 2);
            ContextCrop plan = LocalBackend.planAround(mask, null, W, H, CropSettings.DEFAULT);
            assertTrue(plan.box().x() <= 2000 - Math.max(64, side / 2) && plan.box().right() >= 2000 + side + Math.max(64, side / 2),
                    "at least the least context for " + side + ": " + plan.box());
            if (side + 2 * Math.max(64, side / 2) <= LocalBackend.MAX_SIDE) {
                assertTrue(Math.max(plan.box().width(), plan.box().height()) <= LocalBackend.MAX_SIDE,
                        "no scaling down for the sake of extra context at " + side + ": " + plan.box());
                assertEquals(plan.box().width(), plan.size().width());
            }
        }
    }

    @Test
    void atThePicturesEdgeTheCropStaysInside() {
        ContextCrop plan = LocalBackend.planAround(new CropBox(0, 0, 50, 50), null, 800, 600, CropSettings.DEFAULT);
        assertEquals(0, plan.box().x());
        assertEquals(0, plan.box().y());
        assertTrue(plan.box().right() <= 800 && plan.box().bottom() <= 600);
    }
}
