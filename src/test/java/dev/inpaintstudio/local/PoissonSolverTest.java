package dev.inpaintstudio.local;

import dev.inpaintstudio.task.CancellationToken;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoissonSolverTest {
    @Test
    void findsAKnownAnswerOnALargeMaskThatTouchesThePicturesEdge() {
        // 160×160 with a disc of radius 70 centred near the left edge: about 13 000 unknowns (several
        // grids), some of them on the picture's edge.
        int w = 160;
        int h = 160;
        boolean[] inside = new boolean[w * h];
        float[] expected = new float[w * h * 3];
        int unknowns = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r2 = (x - 40.0) * (x - 40.0) + (y - 80.0) * (y - 80.0);
                if (r2 < 70 * 70) {
                    int p = y * w + x;
                    inside[p] = true;
                    unknowns++;
                    double dome = 1 - r2 / (70.0 * 70.0);
                    expected[p * 3] = (float) (40 * dome);
                    expected[p * 3 + 1] = (float) (-20 * dome);
                    // A sharp block as well: the answer has detail, not only a smooth swell.
                    expected[p * 3 + 2] = x >= 50 && x < 55 && y >= 60 && y < 65 ? 10 : 0;
                }
            }
        }
        assertTrue(unknowns >= 10_000, unknowns + " unknowns");

        float[] answer = PoissonSolver.solve(inside, negativeLaplacian(expected, w, h), w, h, CancellationToken.none());

        for (int p = 0; p < w * h; p++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[p * 3 + c], answer[p * 3 + c], 0.5, "pixel " + p + ", channel " + c);
            }
        }
    }

    @Test
    void findsAKnownAnswerOnASmallMask() {
        int w = 30;
        int h = 20;
        boolean[] inside = new boolean[w * h];
        float[] expected = new float[w * h * 3];
        for (int y = 5; y < 15; y++) {
            for (int x = 8; x < 22; x++) {
                int p = y * w + x;
                inside[p] = true;
                expected[p * 3] = (x - 8) * (21 - x) * (y - 5) * (14 - y) / 10f;
            }
        }

        float[] answer = PoissonSolver.solve(inside, negativeLaplacian(expected, w, h), w, h, CancellationToken.none());

        for (int p = 0; p < w * h; p++) {
            assertEquals(expected[p * 3], answer[p * 3], 0.05, "pixel " + p);
            assertEquals(0, answer[p * 3 + 1], 1e-6, "pixel " + p);
        }
    }

    /** −Δv with v as given everywhere: per pixel, the sum over its neighbours inside the picture of v there less v here. */
    private static float[] negativeLaplacian(float[] v, int w, int h) {
        float[] out = new float[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                for (int c = 0; c < 3; c++) {
                    float sum = 0;
                    if (x + 1 < w) {
                        sum += v[p * 3 + c] - v[(p + 1) * 3 + c];
                    }
                    if (x > 0) {
                        sum += v[p * 3 + c] - v[(p - 1) * 3 + c];
                    }
                    if (y + 1 < h) {
                        sum += v[p * 3 + c] - v[(p + w) * 3 + c];
                    }
                    if (y > 0) {
                        sum += v[p * 3 + c] - v[(p - w) * 3 + c];
                    }
                    out[p * 3 + c] = sum;
                }
            }
        }
        return out;
    }
}
