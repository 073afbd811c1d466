package dev.inpaintstudio.bench;

import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of one offline fill beyond the picture, mask and output: the heap pools' peak usage
 * after a fill minus what is held before it. Run with a small heap, e.g.
 * {@code java -Xmx320m -XX:+UseSerialGC -cp target/benchmarks.jar dev.inpaintstudio.bench.ContentAwareFillMemory BALANCED};
 * finishing at all under {@code -Xmx} of the picture plus 300 MB is the check that matters.
 */
public final class ContentAwareFillMemory {
    private ContentAwareFillMemory() {
    }

    public static void main(String[] args) throws Exception {
        FillQuality quality = args.length > 0 ? FillQuality.valueOf(args[0]) : FillQuality.BALANCED;
        BufferedImage photo = BenchImages.photo1024();
        byte[] hole = BenchImages.blobMask(photo.getWidth(), photo.getHeight());
        ContentAwareFill engine = new ContentAwareFill(2);
        System.gc();
        long before = usedHeap();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        BufferedImage out = engine.fill(photo, hole, new FillOptions(FillOptions.DEFAULT_PATCH_SIZE, quality, 1, null),
                Progress.NONE, CancellationToken.none());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long outputBytes = 4L * out.getWidth() * out.getHeight();
        System.out.printf("%s: %d ms, heap held before %.1f MB, peak during the fill %.1f MB, "
                        + "peak beyond the input and the %.1f MB output %.1f MB (max heap %.0f MB)%n",
                quality, millis, mb(before), mb(peak), mb(outputBytes), mb(peak - before - outputBytes),
                mb(Runtime.getRuntime().maxMemory()));
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
