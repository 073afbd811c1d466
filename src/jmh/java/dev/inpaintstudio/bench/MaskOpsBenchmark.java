package dev.inpaintstudio.bench;

import dev.inpaintstudio.editor.FrameRenderer;
import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.MaskPyramid;
import dev.inpaintstudio.editor.PicturePyramid;
import dev.inpaintstudio.editor.Viewport;
import dev.inpaintstudio.editor.history.MaskRegionEdit;
import dev.inpaintstudio.editor.ops.MaskOps;
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

import java.util.concurrent.TimeUnit;

/**
 * Whole-mask operations on an 8192×8192 mask, using all cores: {@code blob} is shaped like an
 * artist's (a soft blob over a tenth of the picture), {@code everywhere} has edges all over it
 * (soft stripes from border to border), the worst case for feathering, which otherwise blurs only
 * the area around the mask. Also a full redraw of a 1920×1080 view of the 8K picture: fitted
 * (bilinear from the pyramid, the costly case) and at 100 % (nearest). {@code featherAsUndoStep}
 * adds what the editor does besides the blur: the XOR delta of the change for the history.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class MaskOpsBenchmark {
    private static final int N = 8192;

    @Param({"blob", "everywhere"})
    public String mask;

    private byte[] blob;
    private MaskLayer layer;
    private FrameRenderer renderer;
    private Viewport viewport;
    private int flip;

    @Setup(Level.Trial)
    public void setUp() {
        blob = "blob".equals(mask) ? BenchImages.blobMask(N, N) : stripes();
        layer = new MaskLayer(N, N, blob.clone());
        int[] argb = new int[N * N];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (i * 2654435761L > 0 ? 0x406080 : 0x80a0c0) ^ (i & 0xff);
        }
        PicturePyramid picture = new PicturePyramid(argb, N, N);
        picture.buildLevels();
        viewport = new Viewport();
        renderer = new FrameRenderer(picture, new MaskPyramid(layer), viewport);
        renderer.setFrame(1920, 1080, 1);
    }

    /** Diagonal stripes 300 px wide with soft edges, across the whole mask. */
    private static byte[] stripes() {
        byte[] m = new byte[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double t = ((x + y) % 600) / 600.0;
                double v = Math.max(0, Math.min(1, (0.5 - Math.abs(t - 0.5)) * 12 - 2));
                m[y * N + x] = (byte) Math.round(v * 255);
            }
        }
        return m;
    }

    @Benchmark
    public byte[] feather16() {
        return MaskOps.feather(blob, N, N, 16);
    }

    @Benchmark
    public byte[] grow8() {
        return MaskOps.grow(blob, N, N, 8);
    }

    @Benchmark
    public byte[] shrink8() {
        return MaskOps.shrink(blob, N, N, 8);
    }

    @Benchmark
    public MaskRegionEdit featherAsUndoStep() {
        return MaskRegionEdit.between("Feather", layer, blob, MaskOps.feather(blob, N, N, 16));
    }

    @Benchmark
    public int[] redrawViewportFitted() {
        viewport.fit(N, N, 1920, 1080);
        viewport.panBy((flip ^= 1) == 0 ? 0.5 : -0.5, 0); // a new view each time, as while panning
        renderer.renderAll();
        return renderer.pixels();
    }

    @Benchmark
    public int[] redrawViewport100() {
        viewport.setScaleAt(1, 0, 0);
        viewport.panBy((flip ^= 1) == 0 ? 1 : -1, 0);
        renderer.renderAll();
        return renderer.pixels();
    }
}
