package dev.inpaintstudio.bench;

import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.imaging.ContextCrop;
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
 * What the crop box costs while painting: one 64-px dab and then the mask's covered bounds, kept
 * from the dirty rectangles ({@code dabThenKeptBounds}), against the same dab followed by a scan of
 * the whole mask ({@code dabThenFullScan}, what planning from a copy of the coverage did), on a
 * 1024² and an 8192² mask holding a stroke. {@code boundsAfterFill} is the worst case: every tile
 * to recheck after Fill All / Clear, here after clearing an 8192² mask.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MaskBoundsBenchmark {
    private static final int STEPS = 256;

    @Param({"1024", "8192"})
    public int imageSize;

    private MaskLayer mask;
    private final double[] xs = new double[STEPS];
    private final double[] ys = new double[STEPS];
    private int step;
    private boolean erase;

    @Setup(Level.Trial)
    public void setUp() {
        mask = new MaskLayer(imageSize, imageSize);
        double c = imageSize / 2.0;
        for (int i = 0; i < STEPS; i++) {
            double a = 2 * Math.PI * i / STEPS;
            xs[i] = c + 300 * Math.cos(a);
            ys[i] = c + 300 * Math.sin(a);
        }
        for (int i = 0; i < STEPS; i++) {
            mask.dab(xs[i], ys[i], 32, false);
        }
        // A second stroke that stays, so the bounds never collapse to one dab.
        mask.dab(c - 400, c - 400, 20, false);
    }

    private void nextDab() {
        mask.dab(xs[step], ys[step], 32, 0.5, erase);
        step++;
        if (step == STEPS) {
            step = 0;
            erase = !erase;
        }
    }

    @Benchmark
    public Object dabThenKeptBounds() {
        nextDab();
        return mask.coveredBounds();
    }

    @Benchmark
    public Object dabThenFullScan() {
        nextDab();
        return ContextCrop.maskBounds(mask.copyCoverage(), imageSize, imageSize);
    }

    @Benchmark
    public Object boundsAfterFill() {
        mask.fill(0);
        mask.dab(imageSize / 2.0, imageSize / 2.0, 32, false);
        return mask.coveredBounds();
    }
}
