package dev.inpaintstudio.bench.eval;

import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well the offline engine fills holes in real photographs, next to OpenCV's Telea and
 * Navier–Stokes inpainting: PSNR, SSIM and detail inside the hole (see {@link QualityMetrics}),
 * and a side-by-side picture per case.
 *
 * <pre>java -cp target/benchmarks.jar dev.inpaintstudio.bench.eval.FillEvaluation OUT_DIR [--all-presets]</pre>
 *
 * Writes OUT_DIR/results.md (the table), OUT_DIR/results.csv and OUT_DIR/&lt;photo&gt;-&lt;hole&gt;.png.
 * Times are one run each on this machine, a rough guide; JMH is where speed is measured.
 */
public final class FillEvaluation {
    /**
     * Holes are placed from this seed, and the engine runs with it: every run sees the same cases.
     * {@code --seed N} places other holes, to see how far a figure depends on where they fell.
     */
    static long SEED = 20240601L;

    private FillEvaluation() {
    }

    record Score(double psnr, double ssim, double detail, long millis, String failure) {
        static Score failed(String why) {
            return new Score(Double.NaN, Double.NaN, Double.NaN, 0, why);
        }

        boolean ok() {
            return failure == null;
        }
    }

    record Case(EvalPhoto photo, HoleShapes shape, double area, Map<String, Score> scores) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FillEvaluation OUT_DIR [--all-presets] [--seed N]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        boolean allPresets = List.of(args).contains("--all-presets");
        int seedAt = List.of(args).indexOf("--seed");
        if (seedAt >= 0 && seedAt + 1 < args.length) {
            SEED = Long.parseLong(args[seedAt + 1]);
        }
        try {
            MetricSelfCheck.run();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage() + " - refusing to report numbers from a broken metric.");
            System.exit(3);
        }
        Files.createDirectories(out);
        String openCv = OpenCvInpaint.load();
        int threads = Runtime.getRuntime().availableProcessors();

        List<HoleFiller> fillers = new ArrayList<>();
        fillers.add(new OfflineEngineFill("Ours", withSeed(FillOptions.DEFAULT, FillOptions.DEFAULT.quality()), threads));
        if (allPresets) {
            fillers.add(new OfflineEngineFill("Ours Fast", withSeed(FillOptions.DEFAULT, FillQuality.FAST), threads));
            fillers.add(new OfflineEngineFill("Ours Best", withSeed(FillOptions.DEFAULT, FillQuality.QUALITY), threads));
        }
        fillers.add(OpenCvInpaint.telea());
        fillers.add(OpenCvInpaint.navierStokes());
        fillers.add(new MeanColourFill());

        List<Case> cases = new ArrayList<>();
        for (EvalPhoto photo : EvalPhoto.all()) {
            BufferedImage image = photo.image();
            for (HoleShapes shape : HoleShapes.values()) {
                byte[] hole = shape.hole(image.getWidth(), image.getHeight(), SEED);
                Map<String, Score> scores = new LinkedHashMap<>();
                List<SideBySide.Panel> panels = new ArrayList<>();
                panels.add(new SideBySide.Panel(photo.name(), shape.label(), SideBySide.marked(image, hole)));
                for (HoleFiller filler : fillers) {
                    Score score;
                    BufferedImage filled = null;
                    try {
                        long start = System.nanoTime();
                        filled = filler.fill(image, hole);
                        long millis = (System.nanoTime() - start) / 1_000_000;
                        score = new Score(QualityMetrics.psnr(image, filled, hole), QualityMetrics.ssim(image, filled, hole),
                                QualityMetrics.detail(image, filled, hole), millis, null);
                    } catch (UnsupportedOperationException e) {
                        score = Score.failed(e.getMessage());
                    }
                    scores.put(filler.name(), score);
                    if (filled != null && !(filler instanceof MeanColourFill)) {
                        String numbers = String.format(Locale.ROOT, "%.1f dB, SSIM %.3f, detail %.2f",
                                score.psnr(), score.ssim(), score.detail());
                        panels.add(new SideBySide.Panel(filler.name(), numbers, filled));
                    }
                }
                SideBySide.write(out.resolve(photo.name() + "-" + shape.name().toLowerCase(Locale.ROOT) + ".png"), panels);
                Case c = new Case(photo, shape, HoleShapes.coveredFraction(hole), scores);
                cases.add(c);
                System.out.println(row(c, fillers));
            }
        }
        List<String> names = fillers.stream().map(HoleFiller::name).toList();
        Files.writeString(out.resolve("results.md"), ResultsTable.markdown(cases, names, openCv, threads));
        Files.writeString(out.resolve("results.csv"), ResultsTable.csv(cases, names));
        System.out.println();
        System.out.println(ResultsTable.summary(cases, names));
        System.out.println("Wrote " + out.resolve("results.md"));
    }

    private static FillOptions withSeed(FillOptions base, FillQuality quality) {
        return new FillOptions(base.patchSize(), quality, SEED, base.sourceRegion());
    }

    private static String row(Case c, List<HoleFiller> fillers) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-19s %-15s", c.photo().name(), c.shape().label()));
        for (HoleFiller f : fillers) {
            Score s = c.scores().get(f.name());
            line.append(String.format(Locale.ROOT, "  %s %s", f.name(), ResultsTable.cell(s)));
        }
        return line.toString();
    }
}
