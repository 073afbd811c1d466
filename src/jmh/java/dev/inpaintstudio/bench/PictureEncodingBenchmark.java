package dev.inpaintstudio.bench;

import dev.inpaintstudio.imaging.JpegEncoder;
import dev.inpaintstudio.imaging.MaskImages;
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
import java.util.concurrent.TimeUnit;

/** Encoding a 1024×1024 photo (and a mask) each way a request can carry it. Prints encoded sizes at setup. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PictureEncodingBenchmark {
    @Param({"imageio-png-default", "png-fast", "jpeg-95"})
    public String encoding;

    BufferedImage photo;
    BufferedImage mask;

    @Setup(Level.Trial)
    public void load() throws IOException {
        photo = BenchImages.photo1024();
        mask = MaskImages.toImage(BenchImages.blobMask(1024, 1024), 1024, 1024);
        System.out.printf("%n[%s] picture %d bytes, mask %d bytes%n", encoding, encode().length, PngEncoder.encode(mask).length);
    }

    @Benchmark
    public byte[] picture() throws IOException {
        return encode();
    }

    @Benchmark
    public byte[] mask() {
        return PngEncoder.encode(mask);
    }

    private byte[] encode() throws IOException {
        return switch (encoding) {
            case "imageio-png-default" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(photo, "png", out);
                yield out.toByteArray();
            }
            case "png-fast" -> PngEncoder.encode(photo);
            case "jpeg-95" -> JpegEncoder.encode(photo, JpegEncoder.DEFAULT_QUALITY);
            default -> throw new IllegalArgumentException(encoding);
        };
    }
}
