package dev.inpaintstudio.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkAreaTest {
    @Test
    void aSmallHoleInALargePictureCostsOnlyItsSurroundings() {
        int w = 4000;
        int h = 3000;
        byte[] hole = TestPictures.rectangle(w, h, 2000, 1500, 40, 30, 255);

        WorkArea area = WorkArea.around(hole, null, w, h);

        // The hole's box grown by three hole sizes (3 × 40 px) on every side.
        assertEquals(new WorkArea(1880, 1380, 280, 270), area);
    }

    @Test
    void aHoleNearTheEdgeIsClippedToThePicture() {
        byte[] hole = TestPictures.rectangle(300, 200, 0, 190, 10, 10, 255);

        assertEquals(new WorkArea(0, 94, 106, 106), WorkArea.around(hole, null, 300, 200));
    }

    @Test
    void theSourceRegionIsTakenInEvenWhenFarAway() {
        int w = 2000;
        int h = 1000;
        byte[] hole = TestPictures.rectangle(w, h, 100, 100, 20, 20, 255);
        byte[] source = TestPictures.rectangle(w, h, 1800, 900, 50, 50, 1);

        assertEquals(new WorkArea(4, 4, 1846, 946), WorkArea.around(hole, source, w, h));
    }

    @Test
    void anEmptyMaskHasNoWorkArea() {
        assertEquals(null, WorkArea.around(new byte[100], null, 10, 10));
    }
}
