package dev.inpaintstudio.bench.eval;

import dev.inpaintstudio.bench.eval.FillEvaluation.Case;
import dev.inpaintstudio.bench.eval.FillEvaluation.Score;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Turns the scored cases into the Markdown report, a CSV and the per-set means. */
final class ResultsTable {
    private ResultsTable() {
    }

    static String markdown(List<Case> cases, List<String> fillers, String openCvVersion, int threads) {
        StringBuilder md = new StringBuilder();
        md.append("Cells are PSNR (dB) / SSIM / detail inside the hole. PSNR and SSIM: higher is better; ")
                .append("detail: near 1 is as busy as the original, near 0 is flat or smeared. ")
                .append("OpenCV ").append(openCvVersion).append(" (org.openpnp:opencv), radius ")
                .append(fmt(OpenCvInpaint.RADIUS, 0)).append("; our engine with ").append(threads)
                .append(" threads, seed ").append(FillEvaluation.SEED).append(".\n\n");
        md.append("| Photo | Set | Hole | Area |");
        for (String f : fillers) {
            md.append(' ').append(f).append(" |");
        }
        for (String f : fillers) {
            md.append(' ').append(f).append(" ms |");
        }
        md.append('\n').append("|---|---|---|---:|");
        md.append("---:|".repeat(fillers.size() * 2)).append('\n');
        for (Case c : cases) {
            md.append("| ").append(c.photo().name()).append(" | ").append(set(c)).append(" | ")
                    .append(c.shape().label()).append(" | ").append(fmt(c.area() * 100, 0)).append(" % |");
            for (String f : fillers) {
                md.append(' ').append(cell(c.scores().get(f))).append(" |");
            }
            for (String f : fillers) {
                Score s = c.scores().get(f);
                md.append(' ').append(s.ok() ? Long.toString(s.millis()) : "–").append(" |");
            }
            md.append('\n');
        }
        md.append("\nMeans (PSNR dB / SSIM / detail; infinite PSNRs, if any, left out of the PSNR mean):\n\n");
        md.append(summary(cases, fillers));
        return md.toString();
    }

    static String summary(List<Case> cases, List<String> fillers) {
        StringBuilder md = new StringBuilder("| Set | Cases |");
        for (String f : fillers) {
            md.append(' ').append(f).append(" |");
        }
        md.append('\n').append("|---|---:|").append("---:|".repeat(fillers.size())).append('\n');
        summaryRow(md, "textured", cases, fillers, c -> c.photo().content() == EvalPhoto.Content.TEXTURED);
        summaryRow(md, "smooth", cases, fillers, c -> c.photo().content() == EvalPhoto.Content.SMOOTH);
        for (HoleShapes shape : HoleShapes.values()) {
            summaryRow(md, "textured, " + shape.label(), cases, fillers,
                    c -> c.photo().content() == EvalPhoto.Content.TEXTURED && c.shape() == shape);
        }
        summaryRow(md, "all", cases, fillers, c -> true);
        return md.toString();
    }

    static String csv(List<Case> cases, List<String> fillers) {
        StringBuilder csv = new StringBuilder("photo,set,hole,area,method,psnr,ssim,detail,millis\n");
        for (Case c : cases) {
            for (String f : fillers) {
                Score s = c.scores().get(f);
                csv.append(String.join(",", c.photo().name(), set(c), c.shape().name(), fmt(c.area(), 4), f,
                        s.ok() ? fmt(s.psnr(), 3) : "", s.ok() ? fmt(s.ssim(), 4) : "", s.ok() ? fmt(s.detail(), 3) : "",
                        s.ok() ? Long.toString(s.millis()) : "")).append('\n');
            }
        }
        return csv.toString();
    }

    static String cell(Score s) {
        if (s == null || !s.ok()) {
            return "n/a";
        }
        return (Double.isInfinite(s.psnr()) ? "inf" : fmt(s.psnr(), 2)) + " / " + fmt(s.ssim(), 3)
                + " / " + fmt(s.detail(), 2);
    }

    private static void summaryRow(StringBuilder md, String label, List<Case> cases, List<String> fillers,
                                   Predicate<Case> in) {
        List<Case> chosen = cases.stream().filter(in).toList();
        if (chosen.isEmpty()) {
            return;
        }
        md.append("| ").append(label).append(" | ").append(chosen.size()).append(" |");
        for (String f : fillers) {
            List<Score> scores = chosen.stream().map(c -> c.scores().get(f)).filter(Score::ok).toList();
            if (scores.size() < chosen.size()) {
                md.append(" n/a |");
                continue;
            }
            double psnr = scores.stream().mapToDouble(Score::psnr).filter(Double::isFinite).average().orElse(Double.NaN);
            double ssim = scores.stream().mapToDouble(Score::ssim).average().orElse(Double.NaN);
            double detail = scores.stream().mapToDouble(Score::detail).average().orElse(Double.NaN);
            md.append(" **").append(fmt(psnr, 2)).append(" / ").append(fmt(ssim, 3)).append(" / ")
                    .append(fmt(detail, 2)).append("** |");
        }
        md.append('\n');
    }

    private static String set(Case c) {
        return c.photo().content() == EvalPhoto.Content.TEXTURED ? "textured" : "smooth";
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
