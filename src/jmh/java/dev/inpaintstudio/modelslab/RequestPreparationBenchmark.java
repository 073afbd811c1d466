package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.imaging.PngEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Preparing one request for a 1024×1024 photo and its mask, as the client does before the upload:
 * encode the picture and the mask, then write the JSON body with both as base64. Bytes on the wire
 * are printed at setup. {@code imageio-png-default} is the baseline: plain {@code ImageIO.write}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestPreparationBenchmark {
    @Param({"jpeg", "png", "imageio-png-default"})
    public String picture;

    private BufferedImage photo;
    private BufferedImage mask;
    private BodyWriter bodies;
    private final ApiKey key = new ApiKey("benchmark-key-0123456789abcdef0123456789abcdef");
    private InpaintParameters parameters;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        try (InputStream in = RequestPreparationBenchmark.class.getResourceAsStream("/dev/inpaintstudio/bench/photo-1024.png")) {
            photo = dev.inpaintstudio.imaging.ImageConversions.toOpaqueRgb(ImageIO.read(in));
        }
        byte[] coverage = new byte[1024 * 1024];
        for (int y = 300; y < 700; y++) {
            for (int x = 350; x < 650; x++) {
                coverage[y * 1024 + x] = (byte) 255;
            }
        }
        mask = MaskImages.toImage(coverage, 1024, 1024);
        bodies = new BodyWriter(new ObjectMapper().getFactory());
        parameters = InpaintParameters.defaults(Endpoint.V6_IMAGES)
                .with(ApiField.MODEL_ID, "realistic-vision-v51")
                .with(ApiField.PROMPT, "a wooden bench in a park, late afternoon light");
        BodyWriter.Body body = prepare();
        System.out.printf("%n[%s] request body %d bytes%n", picture, body.length());
    }

    @Benchmark
    public BodyWriter.Body prepare() throws IOException {
        byte[] init = switch (picture) {
            case "jpeg" -> PictureEncoding.JPEG.encode(photo);
            case "png" -> PictureEncoding.PNG.encode(photo);
            case "imageio-png-default" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(photo, "png", out);
                yield out.toByteArray();
            }
            default -> throw new IllegalArgumentException(picture);
        };
        byte[] maskPng = PngEncoder.encode(mask);
        return bodies.inpaint(parameters.toRequest(init, maskPng, 1024, 1024), key);
    }
}
