package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PngTextTest {
    @TempDir
    Path dir;

    @Test
    void textChunksReadBackAndThePictureIsUnchanged() throws Exception {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(3, 2, 0xff102030);
        Map<String, String> text = new LinkedHashMap<>();
        text.put("parameters", "a red door\nNegative prompt: blurry\nSteps: 21, Seed: 5");
        text.put("Comment", "Café · 猫");
        Path file = dir.resolve("out.png");

        PngText.writeAtomically(image, text, file);

        assertEquals(text, PngText.read(file));
        assertEquals(0xff102030, ImageIO.read(file.toFile()).getRGB(3, 2));
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(latin.contains("tEXtparameters\0a red door\nNegative prompt: blurry"),
                "a plain tEXt chunk named parameters, as AUTOMATIC1111 writes it");
        assertTrue(latin.contains("iTXtComment"), "non-Latin-1 text as iTXt");
    }

    @Test
    void aFileWithoutTextGivesNothing() throws Exception {
        Path file = dir.resolve("plain.png");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        assertTrue(PngText.read(file).isEmpty());
    }
}
