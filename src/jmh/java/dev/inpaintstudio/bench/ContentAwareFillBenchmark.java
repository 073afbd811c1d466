package dev.inpaintstudio.bench;

import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The offline engine on the 1024×1024 photo mosaic with a soft blob hole over a tenth of it, two
 * worker threads, default patch size, per quality preset. Single-shot runs: one fill is one sample,
 * and the median of the samples is the figure to read (use {@code -rf json} or the percentiles).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ContentAwareFillBenchmark {
    @Param({"FAST", "BALANCED", "QUALITY"})
    public FillQuality quality;

    private BufferedImage photo;
    private byte[] hole;
    private ContentAwareFill engine;
    private long seed;

    @Setup
    public void setUp() throws IOException {
        photo = BenchImages.photo1024();
        hole = BenchImages.blobMask(photo.getWidth(), photo.getHeight());
        engine = new ContentAwareFill(2);
    }

    @Benchmark
    public BufferedImage fill() {
        // A new seed each time so no run is luckier than the others in what it searches.
        return engine.fill(photo, hole, new FillOptions(FillOptions.DEFAULT_PATCH_SIZE, quality, seed++, null),
                Progress.NONE, CancellationToken.none());
    }
}
