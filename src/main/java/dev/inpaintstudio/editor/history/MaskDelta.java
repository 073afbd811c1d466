package dev.inpaintstudio.editor.history;

import dev.inpaintstudio.editor.PixelRect;

import java.util.Arrays;

/**
 * The change of one rectangle of the mask, kept as the XOR of before and after, run-length coded
 * row by row. XOR makes it its own inverse: applying it to "before" gives "after" and to "after"
 * gives "before", byte for byte. Unchanged pixels cost almost nothing, so a long thin stroke or a
 * fill of an empty mask is a few kilobytes, not its bounding box.
 *
 * <p>Per row: a varint token count, then tokens {@code (length << 2 | kind)}: kind 0 skips
 * unchanged bytes, 1 repeats one XOR byte, 2 carries literal XOR bytes.
 */
public final class MaskDelta {
    private static final int SKIP = 0;
    private static final int REPEAT = 1;
    private static final int LITERAL = 2;
    private static final int MIN_REPEAT = 8;

    private final PixelRect region;
    private final byte[] code;

    private MaskDelta(PixelRect region, byte[] code) {
        this.region = region;
        this.code = code;
    }

    public PixelRect region() {
        return region;
    }

    public long sizeInBytes() {
        return code.length + 48L;
    }

    /**
     * The change inside {@code region} between two arrays that may have different layouts: pixel
     * (region.x + c, region.y + r) is at {@code offset + r * stride + c} in each.
     *
     * @return the delta, or null if nothing changed
     */
    public static MaskDelta between(PixelRect region, byte[] before, int beforeOffset, int beforeStride,
                                    byte[] after, int afterOffset, int afterStride) {
        int w = region.width();
        ByteSink out = new ByteSink(Math.max(64, region.height() * 2));
        byte[] xor = new byte[w];
        boolean changed = false;
        for (int r = 0; r < region.height(); r++) {
            int b = beforeOffset + r * beforeStride;
            int a = afterOffset + r * afterStride;
            int first = Arrays.mismatch(before, b, b + w, after, a, a + w);
            if (first < 0) {
                out.varint(0);
                continue;
            }
            changed = true;
            for (int c = 0; c < w; c++) {
                xor[c] = (byte) (before[b + c] ^ after[a + c]);
            }
            encodeRow(xor, w, out);
        }
        return changed ? new MaskDelta(region, out.toArray()) : null;
    }

    private static void encodeRow(byte[] xor, int w, ByteSink out) {
        ByteSink tokens = out.scratch();
        int count = 0;
        int c = 0;
        int end = w;
        while (end > 0 && xor[end - 1] == 0) {
            end--;
        }
        while (c < end) {
            if (xor[c] == 0) {
                int s = c;
                while (c < end && xor[c] == 0) {
                    c++;
                }
                tokens.varint((long) (c - s) << 2 | SKIP);
                count++;
                continue;
            }
            int run = runLength(xor, c, end);
            if (run >= MIN_REPEAT) {
                tokens.varint((long) run << 2 | REPEAT);
                tokens.put(xor[c]);
                c += run;
                count++;
                continue;
            }
            int s = c;
            while (c < end && xor[c] != 0 && runLength(xor, c, end) < MIN_REPEAT) {
                c++;
            }
            tokens.varint((long) (c - s) << 2 | LITERAL);
            tokens.put(xor, s, c - s);
            count++;
        }
        out.varint(count);
        out.append(tokens);
    }

    private static int runLength(byte[] xor, int from, int end) {
        byte v = xor[from];
        int i = from + 1;
        int limit = Math.min(end, from + MIN_REPEAT);
        while (i < limit && xor[i] == v) {
            i++;
        }
        if (i < from + MIN_REPEAT) {
            return i - from;
        }
        while (i < end && xor[i] == v) {
            i++;
        }
        return i - from;
    }

    /** XORs the change into {@code data}, whose pixel (x, y) is at {@code y * stride + x}. */
    public void applyTo(byte[] data, int stride) {
        int[] pos = {0};
        for (int r = 0; r < region.height(); r++) {
            int row = (region.y() + r) * stride + region.x();
            long tokens = readVarint(pos);
            int c = 0;
            for (long t = 0; t < tokens; t++) {
                long token = readVarint(pos);
                int kind = (int) (token & 3);
                int n = (int) (token >>> 2);
                if (kind == SKIP) {
                    c += n;
                } else if (kind == REPEAT) {
                    byte v = code[pos[0]++];
                    for (int i = row + c, e = row + c + n; i < e; i++) {
                        data[i] ^= v;
                    }
                    c += n;
                } else {
                    int p = pos[0];
                    for (int i = 0; i < n; i++) {
                        data[row + c + i] ^= code[p + i];
                    }
                    pos[0] = p + n;
                    c += n;
                }
            }
        }
    }

    private long readVarint(int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = code[pos[0]++];
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    /** A growable byte buffer. */
    private static final class ByteSink {
        private byte[] buf;
        private int size;
        private ByteSink scratch;

        ByteSink(int capacity) {
            buf = new byte[capacity];
        }

        ByteSink scratch() {
            if (scratch == null) {
                scratch = new ByteSink(256);
            }
            scratch.size = 0;
            return scratch;
        }

        void put(byte b) {
            ensure(1);
            buf[size++] = b;
        }

        void put(byte[] src, int from, int n) {
            ensure(n);
            System.arraycopy(src, from, buf, size, n);
            size += n;
        }

        void append(ByteSink other) {
            put(other.buf, 0, other.size);
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7fL) != 0) {
                buf[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
