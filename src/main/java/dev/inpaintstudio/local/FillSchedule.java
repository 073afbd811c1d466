package dev.inpaintstudio.local;

/** How much work each preset spends: EM iterations per level and search passes per iteration. */
record FillSchedule(int coarseIterations, int finestIterations, int searchPasses) {
    static FillSchedule of(FillQuality quality) {
        return switch (quality) {
            case FAST -> new FillSchedule(3, 1, 2);
            case BALANCED -> new FillSchedule(5, 2, 2);
            case QUALITY -> new FillSchedule(8, 3, 3);
        };
    }

    /** Coarse levels are cheap and decide the structure; the finest only sharpens, so it gets fewer. */
    int iterationsAt(int levelIndex, int levelCount) {
        if (levelIndex == 0 && levelCount > 1) {
            return finestIterations;
        }
        return coarseIterations;
    }
}
