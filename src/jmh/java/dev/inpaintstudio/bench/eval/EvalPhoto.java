package dev.inpaintstudio.bench.eval;

import dev.inpaintstudio.imaging.ImageConversions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** A photograph the evaluation cuts holes into, and whether its content is texture or a smooth area. */
record EvalPhoto(String name, Content content, BufferedImage image) {
    enum Content { TEXTURED, SMOOTH }

    /** The photos in the benchmark resources; where each comes from is in README.md beside them. */
    static List<EvalPhoto> all() {
        return List.of(
                load("brick", Content.TEXTURED),
                load("grass", Content.TEXTURED),
                load("gravel", Content.TEXTURED),
                load("coffee-wood", Content.TEXTURED),
                load("chelsea-fur", Content.TEXTURED),
                load("rocket-sky", Content.SMOOTH),
                load("astronaut-wall", Content.SMOOTH),
                load("chelsea-background", Content.SMOOTH));
    }

    private static EvalPhoto load(String name, Content content) {
        try (InputStream in = EvalPhoto.class.getResourceAsStream(name + ".png")) {
            if (in == null) {
                throw new IOException(name + ".png missing from the evaluation resources");
            }
            return new EvalPhoto(name, content, ImageConversions.toOpaqueRgb(ImageIO.read(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
