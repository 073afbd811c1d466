package dev.inpaintstudio.bench;

import dev.inpaintstudio.editor.FrameRenderer;
import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.MaskPyramid;
import dev.inpaintstudio.editor.PicturePyramid;
import dev.inpaintstudio.editor.PixelRect;
import dev.inpaintstudio.editor.Viewport;
import dev.inpaintstudio.editor.history.MaskChangeRecorder;
import dev.inpaintstudio.editor.history.MaskRegionEdit;
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
 * One 64-px soft dab (hardness 0.5) and the display update of its dirty rectangle — mask pyramid and
 * the frame pixels over it in a 1920×1080 view at 100 % — on a 1024² and an 8192² image: the cost
 * should follow the brush, not the image. The dabs walk a circle of radius 300 px round the image
 * centre (a stroke, not one hot spot), alternately painting and erasing each lap so every dab writes.
 * {@code dabWithUndo} adds the stroke's tile-wise undo backup, finishing the stroke every 256 dabs.
 * Not included: JavaFX's copy of the rectangle into its image (PixelWriter), which needs a display.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The 8192² picture, mask and their pyramids outgrow the default heap of a small machine.
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class MaskBrushBenchmark {
    private static final int STEPS = 256;
    private static final double RADIUS = 32;
    private static final double HARDNESS = 0.5;

    @Param({"1024", "8192"})
    public int imageSize;

    private MaskLayer mask;
    private MaskPyramid pyramid;
    private FrameRenderer renderer;
    private final double[] xs = new double[STEPS];
    private final double[] ys = new double[STEPS];
    private int step;
    private boolean erase;
    private MaskChangeRecorder recorder;

    @Setup(Level.Trial)
    public void setUp() {
        int n = imageSize;
        int[] argb = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                argb[y * n + x] = 0xff000000 | ((x * 255 / n) << 16) | ((y * 255 / n) << 8) | 0x60;
            }
        }
        PicturePyramid picture = new PicturePyramid(argb, n, n);
        picture.buildLevels();
        mask = new MaskLayer(n, n);
        pyramid = new MaskPyramid(mask);
        Viewport viewport = new Viewport();
        viewport.panBy(960 - n / 2.0, 540 - n / 2.0); // 100 %, image centre in the middle of the view
        renderer = new FrameRenderer(picture, pyramid, viewport);
        renderer.setFrame(1920, 1080, 1);
        renderer.renderAll();
        for (int i = 0; i < STEPS; i++) {
            double a = 2 * Math.PI * i / STEPS;
            xs[i] = n / 2.0 + 300 * Math.cos(a) + 0.37;
            ys[i] = n / 2.0 + 300 * Math.sin(a) + 0.61;
        }
        recorder = new MaskChangeRecorder(mask);
    }

    @Benchmark
    public PixelRect dabAndOverlay() {
        PixelRect dirty = mask.dab(xs[step], ys[step], RADIUS, HARDNESS, erase);
        advance();
        pyramid.update(dirty);
        return renderer.renderImageRect(dirty);
    }

    @Benchmark
    public Object dabWithUndo() {
        double x = xs[step];
        double y = ys[step];
        recorder.aboutToChange(MaskLayer.dabBounds(x, y, RADIUS));
        PixelRect dirty = mask.dab(x, y, RADIUS, HARDNESS, erase);
        MaskRegionEdit edit = null;
        if (advance()) {
            edit = recorder.finish("stroke");
            recorder = new MaskChangeRecorder(mask);
        }
        pyramid.update(dirty);
        PixelRect shown = renderer.renderImageRect(dirty);
        return edit == null ? shown : edit;
    }

    /** Next dab; true when a lap (a stroke) is complete. */
    private boolean advance() {
        step++;
        if (step == STEPS) {
            step = 0;
            erase = !erase;
            return true;
        }
        return false;
    }
}
