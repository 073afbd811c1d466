package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GenerationSizeTest {
    @Test
    void largeLandscapeShrinksToTheLimitInMultiplesOfEight() {
        GenerationSize s = GenerationSize.fit(6000, 4000);
        assertEquals(1024, s.width());
        assertEquals(680, s.height()); // 682.7 rounded to a multiple of 8
    }

    @Test
    void sizesThatFitAreOnlySnapped() {
        assertEquals(new GenerationSize(512, 512), GenerationSize.fit(512, 512));
        assertEquals(new GenerationSize(800, 600), GenerationSize.fit(801, 597));
    }

    @Test
    void tinyPicturesAreBroughtUpToTheMinimum() {
        GenerationSize s = GenerationSize.fit(100, 50);
        assertEquals(512, s.width());
        assertEquals(256, s.height());
    }

    @Test
    void everySizeIsWithinLimits() {
        for (int w = 1; w < 5000; w += 97) {
            for (int h = 1; h < 5000; h += 89) {
                GenerationSize s = GenerationSize.fit(w, h);
                assertTrue(s.width() <= 1024 && s.height() <= 1024, s.toString());
                assertEquals(0, s.width() % 8, s.toString());
                assertEquals(0, s.height() % 8, s.toString());
                assertTrue(s.width() >= 256 && s.height() >= 256, w + "×" + h + " → " + s);
                double picture = w / (double) h;
                if (picture <= 4 && picture >= 0.25) {
                    assertEquals(1.0, s.width() / (double) s.height() / picture, 0.01 + 4.0 / s.width() + 4.0 / s.height(),
                            w + "×" + h + " → " + s);
                }
            }
        }
    }

    @Test
    void aPictureThinnerThanFourToOneIsSentAtFourToOne() {
        assertEquals(new GenerationSize(1024, 256), GenerationSize.fit(8192, 300));
        assertEquals(new GenerationSize(256, 1024), GenerationSize.fit(40, 3000));
        assertEquals(new GenerationSize(1024, 256), GenerationSize.fit(4000, 1000));
    }
}
