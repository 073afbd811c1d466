package dev.inpaintstudio.bench;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.Crops;
import dev.inpaintstudio.imaging.PasteBack;
import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.imaging.Resampling;
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
import org.openjdk.jmh.infra.Blackhole;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The full-resolution pipeline on a 6000×4000 (24 MP) picture built from the photo mosaic:
 * {@code prepare} = plan the crop around the mask, cut and resize picture and mask to the
 * generation size, encode both (what happens before the upload); {@code pasteBack} = resize the
 * generated picture to the crop and blend it into a copy of the original through the feathered mask
 * with colour matching. {@code mask} 500x400 gives a ~564×464 crop sent at 624×512; 1800x1800
 * gives a ~1864² crop sent at 1024×1024 (the "1024² result into 24 MP" case).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class FullResolutionBenchmark {
    private static final int W = 6000;
    private static final int H = 4000;

    @Param({"500x400", "1800x1800"})
    public String mask;

    @Param({"8"})
    public int feather;

    private BufferedImage original;
    private byte[] coverage;
    private ContextCrop crop;
    private BufferedImage generated;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        BufferedImage tile = BenchImages.photo1024();
        original = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[1024];
        for (int y = 0; y < H; y++) {
            tile.getRGB(0, y % 1024, 1024, 1, row, 0, 1024);
            for (int x = 0; x < W; x += 1024) {
                original.setRGB(x, y, Math.min(1024, W - x), 1, row, 0, 1024);
            }
        }
        String[] size = mask.split("x");
        int mw = Integer.parseInt(size[0]);
        int mh = Integer.parseInt(size[1]);
        coverage = new byte[W * H];
        // An ellipse filling the mw×mh box, centred off-centre as a real mask would be.
        int cx = 3300;
        int cy = 2100;
        for (int y = cy - mh / 2; y < cy + mh / 2; y++) {
            for (int x = cx - mw / 2; x < cx + mw / 2; x++) {
                double dx = (x - cx) / (mw / 2.0);
                double dy = (y - cy) / (mh / 2.0);
                if (dx * dx + dy * dy <= 1) {
                    coverage[y * W + x] = (byte) 255;
                }
            }
        }
        crop = ContextCrop.plan(coverage, W, H, new CropSettings(32, false, feather, true));
        // What the server sends back: the sent crop, slightly changed.
        BufferedImage sent = Resampling.resize(Crops.copy(original, crop.box()), crop.size().width(), crop.size().height());
        generated = new BufferedImage(sent.getWidth(), sent.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < sent.getHeight(); y++) {
            for (int x = 0; x < sent.getWidth(); x++) {
                generated.setRGB(x, y, sent.getRGB(x, y) ^ 0x0f0f0f);
            }
        }
        System.out.printf("%n%s mask: crop %s, sent %d×%d%n", mask, crop.box(), crop.size().width(), crop.size().height());
    }

    @Benchmark
    public void prepare(Blackhole bh) {
        ContextCrop plan = ContextCrop.plan(coverage, W, H, new CropSettings(32, false, feather, true));
        BufferedImage picture = Resampling.resize(Crops.copy(original, plan.box()), plan.size().width(), plan.size().height());
        BufferedImage maskImage = Resampling.resize(Crops.mask(coverage, W, plan.box()), plan.size().width(), plan.size().height());
        bh.consume(PictureEncoding.JPEG.encode(picture));
        bh.consume(PngEncoder.encode(maskImage));
    }

    @Benchmark
    public BufferedImage pasteBack() {
        BufferedImage fitted = Resampling.resizeSharp(generated, crop.box().width(), crop.box().height());
        return PasteBack.compositeCrop(original, fitted, coverage, crop.box(), feather, true);
    }
}
