package dev.inpaintstudio.local;

import java.util.SplittableRandom;

/** Random streams keyed by where they are used, so the same seed always draws the same numbers. */
final class FillSeeds {
    private FillSeeds() {
    }

    static SplittableRandom random(long seed, int level, int iteration, int pass, int band) {
        long h = seed;
        h = mix(h ^ (0x9E3779B97F4A7C15L * (level + 1)));
        h = mix(h ^ (0xC2B2AE3D27D4EB4FL * (iteration + 1)));
        h = mix(h ^ (0x165667B19E3779F9L * (pass + 1)));
        h = mix(h ^ (0x27D4EB2F165667C5L * (band + 1)));
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
