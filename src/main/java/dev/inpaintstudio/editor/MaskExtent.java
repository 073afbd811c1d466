package dev.inpaintstudio.editor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bounding box of a mask's coverage, kept cheap to ask for after every stroke: the mask is split
 * into {@value #TILE}×{@value #TILE} tiles, a change marks only the tiles under its dirty rectangle
 * for a recheck, and the exact box is refined from the tiles on its edges. Asking after a dab costs
 * about the dab's area, not the mask's, so an 8192² mask can be watched while painting.
 */
final class MaskExtent {
    static final int TILE = 64;
    private static final byte EMPTY = 0;
    private static final byte COVERED = 1;
    private static final byte UNKNOWN = 2;
    /** Reads eight coverage bytes at once: an empty mask is mostly zeros, skipped a word at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final byte[] coverage;
    private final int width;
    private final int height;
    private final int tilesX;
    private final int tilesY;
    private final byte[] tiles;
    /** The last answer, or null when a change came since. */
    private PixelRect bounds;

    MaskExtent(byte[] coverage, int width, int height) {
        this.coverage = coverage;
        this.width = width;
        this.height = height;
        this.tilesX = (width + TILE - 1) / TILE;
        this.tilesY = (height + TILE - 1) / TILE;
        this.tiles = new byte[tilesX * tilesY];
        Arrays.fill(tiles, UNKNOWN);
    }

    /** Marks the tiles under {@code dirty} for a recheck. */
    void changed(PixelRect dirty) {
        PixelRect d = dirty.intersect(new PixelRect(0, 0, width, height));
        if (d.isEmpty()) {
            return;
        }
        int tx1 = (d.right() - 1) / TILE;
        int ty1 = (d.bottom() - 1) / TILE;
        for (int ty = d.y() / TILE; ty <= ty1; ty++) {
            Arrays.fill(tiles, ty * tilesX + d.x() / TILE, ty * tilesX + tx1 + 1, UNKNOWN);
        }
        bounds = null;
    }

    /** The smallest rectangle holding every pixel with non-zero coverage, or {@link PixelRect#EMPTY}. */
    PixelRect bounds() {
        if (bounds == null) {
            bounds = compute();
        }
        return bounds;
    }

    private PixelRect compute() {
        int tx0 = tilesX;
        int ty0 = tilesY;
        int tx1 = -1;
        int ty1 = -1;
        for (int ty = 0; ty < tilesY; ty++) {
            for (int tx = 0; tx < tilesX; tx++) {
                int i = ty * tilesX + tx;
                if (tiles[i] == UNKNOWN) {
                    tiles[i] = tileCovered(tx, ty) ? COVERED : EMPTY;
                }
                if (tiles[i] == COVERED) {
                    tx0 = Math.min(tx0, tx);
                    tx1 = Math.max(tx1, tx);
                    ty0 = Math.min(ty0, ty);
                    ty1 = ty;
                }
            }
        }
        if (tx1 < 0) {
            return PixelRect.EMPTY;
        }
        return PixelRect.ofBounds(minX(tx0, ty0, ty1), topRow(ty0, tx0, tx1), maxX(tx1, ty0, ty1) + 1,
                bottomRow(ty1, tx0, tx1) + 1);
    }

    private boolean tileCovered(int tx, int ty) {
        int x0 = tx * TILE;
        int x1 = Math.min(width, x0 + TILE);
        int y1 = Math.min(height, (ty + 1) * TILE);
        for (int y = ty * TILE; y < y1; y++) {
            if (anyInRow(y, x0, x1)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyInRow(int y, int x0, int x1) {
        int i = y * width + x0;
        int end = y * width + x1;
        for (; i + 8 <= end; i += 8) {
            if ((long) LONGS.get(coverage, i) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            if (coverage[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private boolean covered(int tx, int ty) {
        return tiles[ty * tilesX + tx] == COVERED;
    }

    /** The first row of tile row {@code ty} with coverage in one of its covered tiles. */
    private int topRow(int ty, int tx0, int tx1) {
        int y1 = Math.min(height, (ty + 1) * TILE);
        for (int y = ty * TILE; y < y1; y++) {
            if (rowCovered(y, ty, tx0, tx1)) {
                return y;
            }
        }
        throw new IllegalStateException("A covered tile without coverage");
    }

    private int bottomRow(int ty, int tx0, int tx1) {
        for (int y = Math.min(height, (ty + 1) * TILE) - 1; y >= ty * TILE; y--) {
            if (rowCovered(y, ty, tx0, tx1)) {
                return y;
            }
        }
        throw new IllegalStateException("A covered tile without coverage");
    }

    private boolean rowCovered(int y, int ty, int tx0, int tx1) {
        for (int tx = tx0; tx <= tx1; tx++) {
            if (covered(tx, ty) && anyInRow(y, tx * TILE, Math.min(width, (tx + 1) * TILE))) {
                return true;
            }
        }
        return false;
    }

    /** The leftmost covered column within tile column {@code tx}. */
    private int minX(int tx, int ty0, int ty1) {
        int x0 = tx * TILE;
        int x1 = Math.min(width, x0 + TILE);
        int best = x1;
        for (int ty = ty0; ty <= ty1; ty++) {
            if (!covered(tx, ty)) {
                continue;
            }
            for (int y = ty * TILE; y < Math.min(height, (ty + 1) * TILE); y++) {
                int base = y * width;
                for (int x = x0; x < best; x++) {
                    if (coverage[base + x] != 0) {
                        best = x;
                        break;
                    }
                }
            }
        }
        return best;
    }

    private int maxX(int tx, int ty0, int ty1) {
        int x0 = tx * TILE;
        int x1 = Math.min(width, x0 + TILE);
        int best = x0 - 1;
        for (int ty = ty0; ty <= ty1; ty++) {
            if (!covered(tx, ty)) {
                continue;
            }
            for (int y = ty * TILE; y < Math.min(height, (ty + 1) * TILE); y++) {
                int base = y * width;
                for (int x = x1 - 1; x > best; x--) {
                    if (coverage[base + x] != 0) {
                        best = x;
                        break;
                    }
                }
            }
        }
        return best;
    }
}
