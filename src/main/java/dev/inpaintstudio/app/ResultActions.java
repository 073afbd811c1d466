package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.gallery.ResultRecord;
import dev.inpaintstudio.gallery.ResultStore;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.ImageReadException;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.InpaintParameters;
import dev.inpaintstudio.params.BackendChoice;
import dev.inpaintstudio.params.FillPreset;
import dev.inpaintstudio.params.FillSettings;
import dev.inpaintstudio.params.ParameterSnapshot;
import dev.inpaintstudio.params.ParametersViewModel;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;

/**
 * What the artist can do with a result: continue editing from it, reuse its parameters, save it,
 * copy it, star it, delete it, find the result it was made from. Disk work runs on {@code io};
 * the futures complete on the UI thread ({@code fx}) with the model already updated.
 */
public final class ResultActions {
    private final ResultStore store;
    private final GenerationViewModel generation;
    private final ParametersViewModel parameters;
    private final DocumentOpener opener;
    private final ExecutorService io;
    private final Executor fx;

    ResultActions(ResultStore store, GenerationViewModel generation, ParametersViewModel parameters,
                  DocumentOpener opener, ExecutorService io, Executor fx) {
        this.store = store;
        this.generation = generation;
        this.parameters = parameters;
        this.opener = opener;
        this.io = io;
        this.fx = fx;
    }

    /**
     * A new document whose picture is the result, with the mask kept: the current document's when it
     * has the same size, else the mask the result was made with. Its next jobs record the result as
     * their parent. The caller shows it.
     */
    public CompletableFuture<Document> continueFrom(StoredResult result) {
        Document current = generation.documentProperty().get();
        byte[] currentMask = current != null && current.width() == result.width() && current.height() == result.height()
                ? current.mask().copyCoverage() : null;
        return onFx(CompletableFuture.supplyAsync(() -> {
            BufferedImage image = read(result.resultFile());
            byte[] coverage = currentMask;
            if (coverage == null && result.maskFile() != null && result.maskFile().toFile().isFile()) {
                BufferedImage mask = read(result.maskFile());
                if (mask.getWidth() == image.getWidth() && mask.getHeight() == image.getHeight()) {
                    coverage = MaskImages.toCoverage(mask);
                }
            }
            Document doc = opener.fromPixels(image, derivedName(result));
            if (coverage != null && coverage.length == image.getWidth() * image.getHeight()) {
                doc.mask().writeRegion(doc.mask().bounds(), coverage);
            }
            return doc;
        }, io)).thenApply(doc -> {
            generation.markDerived(doc, result.id());
            return doc;
        });
    }

    /**
     * Puts the result's settings, its seed included, into the side panel: for an offline result the
     * offline backend with its options, else ModelsLab with every parameter it sent. Completes with
     * the seed put back, or null when there is none.
     */
    public CompletableFuture<Long> reuseParameters(StoredResult result) {
        return onFx(CompletableFuture.supplyAsync(() -> {
            try {
                ResultRecord record = store.record(result);
                FillOptions fill = ResultStore.fillOptions(record);
                return fill != null ? (Object) fill : ResultStore.parameters(record);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io)).thenApply(settings -> {
            if (settings instanceof FillOptions fill) {
                applyFill(fill);
                return fill.seed();
            }
            InpaintParameters p = (InpaintParameters) settings;
            apply(p);
            parameters.chooseBackend(BackendChoice.MODELSLAB);
            return p.seed();
        });
    }

    /** Puts an offline result's options in the side panel, seed fixed, and chooses the offline backend. */
    void applyFill(FillOptions fill) {
        parameters.setFillSettings(new FillSettings(FillPreset.valueOf(fill.quality().name()), fill.patchSize(),
                Long.toString(fill.seed()), false));
        parameters.chooseBackend(BackendChoice.OFFLINE);
    }

    /**
     * Puts a request into the side panel: its endpoint and every value it sent; fields it did not
     * send go back to their defaults, and the seed is fixed when it has one.
     */
    void apply(InpaintParameters p) {
        Map<ApiField, String> values = new EnumMap<>(ApiField.class);
        p.values().forEach((field, value) -> values.put(field, text(value)));
        parameters.restore(new ParameterSnapshot(p.endpoint(), values, p.seed() == null));
    }

    /** A value as the side panel shows it: yes/no, plain numbers ("7.5", "31"), text as it is. */
    static String text(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** Saves as JPEG when the name ends in .jpg or .jpeg, else as PNG with the recipe embedded. */
    public CompletableFuture<Path> export(StoredResult result, Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean jpeg = name.endsWith(".jpg") || name.endsWith(".jpeg");
        Path file = jpeg || name.endsWith(".png") ? target : target.resolveSibling(target.getFileName() + ".png");
        return onFx(CompletableFuture.supplyAsync(() -> {
            try {
                store.export(result, file, jpeg);
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io));
    }

    /** Puts the result's picture (and its file) on the clipboard. */
    public CompletableFuture<Void> copyToClipboard(StoredResult result) {
        return onFx(CompletableFuture.supplyAsync(() -> SwingFXUtils.toFXImage(read(result.resultFile()), null), io))
                .thenAccept(image -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putImage(image);
                    content.putFiles(java.util.List.of(result.resultFile().toFile()));
                    Clipboard.getSystemClipboard().setContent(content);
                });
    }

    public CompletableFuture<StoredResult> toggleStar(StoredResult result) {
        return onFx(CompletableFuture.supplyAsync(() -> {
            try {
                return store.setStarred(result, !result.starred());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io)).thenApply(now -> {
            generation.replaceResult(result, now);
            return now;
        });
    }

    /** Deletes the result's file (and its job's folder with its last output). */
    public CompletableFuture<Void> delete(StoredResult result) {
        return onFx(CompletableFuture.runAsync(() -> {
            try {
                store.delete(result);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io)).thenRun(() -> generation.removeResult(result));
    }

    /**
     * The result this one's picture was made from, when it is still in the gallery; else the nearest
     * one further back that is, so a deleted result does not cut the branch.
     */
    public Optional<StoredResult> parentOf(StoredResult result) {
        if (result == null) {
            return Optional.empty();
        }
        for (String id : result.ancestors()) {
            Optional<StoredResult> found = generation.results().stream().filter(r -> r.id().equals(id)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String derivedName(StoredResult result) {
        String source = result.sourceName() == null || result.sourceName().isBlank() ? "result" : result.sourceName();
        int dot = source.lastIndexOf('.');
        String base = dot > 0 ? source.substring(0, dot) : source;
        return base + " · " + result.id().replace(".png", "").replace('/', ' ');
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageFiles.read(file);
        } catch (ImageReadException e) {
            throw new CompletionException(e);
        }
    }

    /** Completes on the UI thread, with the cause unwrapped. */
    private <T> CompletableFuture<T> onFx(CompletableFuture<T> work) {
        CompletableFuture<T> out = new CompletableFuture<>();
        work.whenComplete((value, error) -> fx.execute(() -> {
            if (error != null) {
                out.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                out.complete(value);
            }
        }));
        return out;
    }
}
