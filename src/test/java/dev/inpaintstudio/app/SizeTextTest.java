package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.GenerationSize;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The side panel says what width and height are sent for the open picture, and why. */
class SizeTextTest {
    private static Document picture(int w, int h) {
        return new Document(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "p.png", null, 1 << 20);
    }

    @Test
    void eachReasonIsNamed() {
        assertEquals("1024 × 680 (the 6000 × 4000 picture scaled to fit 1024, multiples of 8)",
                GenerationViewModel.sizeText(picture(6000, 4000)));
        assertEquals("512 × 512 (the 512 × 512 picture as it is)", GenerationViewModel.sizeText(picture(512, 512)));
        assertEquals("400 × 304 (the 400 × 300 picture rounded to multiples of 8)",
                GenerationViewModel.sizeText(picture(400, 300)));
        assertEquals("256 × 344 (the 100 × 134 picture scaled up to at least 256, multiples of 8)",
                GenerationViewModel.sizeText(picture(100, 134)));
        assertEquals("Follows the picture: open one to see the size sent.", GenerationViewModel.sizeText(null));
    }

    @Test
    void aCropAroundTheMaskIsNamedWithItsSize() {
        Document doc = picture(6000, 4000);
        assertEquals("768 × 512 (a 1500 × 1000 crop around the mask, scaled to fit)",
                GenerationViewModel.sizeText(doc, new ContextCrop(new CropBox(10, 10, 1500, 1000), new GenerationSize(768, 512))));
        assertEquals("768 × 512 (a 150 × 100 crop around the mask, scaled up)",
                GenerationViewModel.sizeText(doc, new ContextCrop(new CropBox(10, 10, 150, 100), new GenerationSize(768, 512))));
        assertEquals(GenerationViewModel.sizeText(doc), GenerationViewModel.sizeText(doc,
                new ContextCrop(CropBox.whole(6000, 4000), new GenerationSize(1024, 680))), "the whole picture: as before");
    }

    @Test
    void aCropGrownToTheWholePictureNamesTheSizeItIsSentAt() {
        // A 200 × 150 picture: the padded box around the mask covers it all, and the plan brings it to 512.
        Document doc = picture(200, 150);
        ContextCrop plan = ContextCrop.planAround(new CropBox(25, 25, 150, 100), 200, 150, CropSettings.DEFAULT);
        assertEquals(CropBox.whole(200, 150), plan.box());
        assertEquals(new GenerationSize(680, 512), plan.size());
        assertEquals("680 × 512 (the 200 × 150 picture scaled up to at least 512, multiples of 8)",
                GenerationViewModel.sizeText(doc, plan));
    }

    @Test
    void aPictureThinnerThanTheApiAllowsSaysItIsStretched() {
        assertEquals("1024 × 256 (the 8192 × 300 picture scaled to fit 1024, multiples of 8, stretched to the 4:1 the API"
                + " allows at most)", GenerationViewModel.sizeText(picture(8192, 300)));
        Document thin = picture(8192, 300);
        assertEquals("1024 × 256 (a 3064 × 300 crop around the mask, scaled to fit, stretched to the 4:1 the API allows"
                + " at most)", GenerationViewModel.sizeText(thin, ContextCrop.planAround(new CropBox(1000, 100, 3000, 2), 8192, 300,
                CropSettings.DEFAULT)));
    }
}
