package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.InvertEdit;
import dev.inpaintstudio.editor.history.MaskChangeRecorder;
import dev.inpaintstudio.editor.history.MaskRegionEdit;
import dev.inpaintstudio.editor.ops.MaskOps;
import dev.inpaintstudio.editor.ops.Selection;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The mask operations of one document, each one undoable step. Small masks are edited at once;
 * on large ones (an 8K feather takes a good fraction of a second) the work runs on {@code worker}
 * from a snapshot, and the result is applied on {@code ui} as one edit. Meanwhile the commands
 * report busy, and the editor must not change the mask. No JavaFX: tests pass same-thread executors.
 */
public final class MaskCommands {
    /** Masks up to this many pixels (4 MP) are edited on the calling thread. */
    public static final long INLINE_PIXELS = 4L << 20;

    private final Document doc;
    private final Executor worker;
    private final Executor ui;
    private final Consumer<String> busyListener;
    private String task;

    /**
     * @param busyListener told (on {@code ui}) what is running, or null when idle
     */
    public MaskCommands(Document doc, Executor worker, Executor ui, Consumer<String> busyListener) {
        this.doc = Objects.requireNonNull(doc);
        this.worker = worker;
        this.ui = ui;
        this.busyListener = busyListener == null ? t -> { } : busyListener;
    }

    public Document document() {
        return doc;
    }

    public boolean isBusy() {
        return task != null;
    }

    private long pixels() {
        return (long) doc.width() * doc.height();
    }

    /** Inverts the mask. Its own inverse: stores nothing, and takes about 20 ms at 8K, so it runs inline. */
    public CompletableFuture<Boolean> invert() {
        if (isBusy()) {
            return CompletableFuture.completedFuture(false);
        }
        doc.history().push(InvertEdit.apply(doc.mask()));
        return CompletableFuture.completedFuture(true);
    }

    public CompletableFuture<Boolean> clear() {
        return transform("Clear mask", "Clearing the mask…", s -> MaskOps.filled(s.length, 0));
    }

    public CompletableFuture<Boolean> fillAll() {
        return transform("Fill mask", "Filling the mask…", s -> MaskOps.filled(s.length, 255));
    }

    public CompletableFuture<Boolean> grow(int px) {
        return transform("Grow mask " + px + " px", "Growing the mask…", s -> MaskOps.grow(s, doc.width(), doc.height(), px));
    }

    public CompletableFuture<Boolean> shrink(int px) {
        return transform("Shrink mask " + px + " px", "Shrinking the mask…", s -> MaskOps.shrink(s, doc.width(), doc.height(), px));
    }

    public CompletableFuture<Boolean> feather(int px) {
        return transform("Feather mask " + px + " px", "Feathering the mask…", s -> MaskOps.feather(s, doc.width(), doc.height(), px));
    }

    /** Replaces the whole mask (an imported one) as one step; {@code coverage} must be the image's size. */
    public CompletableFuture<Boolean> replace(String name, byte[] coverage) {
        if (coverage.length != pixels()) {
            throw new IllegalArgumentException("The mask has " + coverage.length + " pixels, the image " + pixels());
        }
        return transform(name, "Importing the mask…", s -> coverage);
    }

    /**
     * Adds (or subtracts) a selection computed by {@code compute}, as one step. {@code large} runs the
     * computation on the worker (a magic wand on a big picture); combining it is done on the ui thread.
     */
    public CompletableFuture<Boolean> applySelection(String name, Supplier<Selection> compute, boolean subtract, boolean large) {
        if (isBusy()) {
            return CompletableFuture.completedFuture(false);
        }
        if (!large) {
            return CompletableFuture.completedFuture(combine(name, compute.get(), subtract));
        }
        return runInBackground("Selecting…", compute, selection -> combine(name, selection, subtract));
    }

    private boolean combine(String name, Selection selection, boolean subtract) {
        if (selection.isEmpty()) {
            return false;
        }
        MaskLayer mask = doc.mask();
        MaskChangeRecorder recorder = new MaskChangeRecorder(mask);
        recorder.aboutToChange(selection.bounds());
        mask.modify(selection.bounds(), (data, width) -> selection.combineInto(data, width, subtract));
        MaskRegionEdit edit = recorder.finish(name);
        if (edit == null) {
            return false;
        }
        doc.history().push(edit);
        return true;
    }

    /** Runs {@code op} on a snapshot of the mask (it must return a new array, not change its input). */
    private CompletableFuture<Boolean> transform(String name, String busyText, UnaryOperator<byte[]> op) {
        if (isBusy()) {
            return CompletableFuture.completedFuture(false);
        }
        MaskLayer mask = doc.mask();
        byte[] before = mask.copyCoverage();
        Supplier<MaskRegionEdit> work = () -> MaskRegionEdit.between(name, mask, before, op.apply(before));
        if (pixels() <= INLINE_PIXELS) {
            return CompletableFuture.completedFuture(commit(work.get()));
        }
        return runInBackground(busyText, work, this::commit);
    }

    private boolean commit(MaskRegionEdit edit) {
        if (edit == null) {
            return false;
        }
        edit.redo();
        doc.history().push(edit);
        return true;
    }

    private <T> CompletableFuture<Boolean> runInBackground(String busyText, Supplier<T> work, java.util.function.Function<T, Boolean> apply) {
        setTask(busyText);
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(work, worker).whenCompleteAsync((value, error) -> {
            setTask(null);
            if (error != null) {
                result.completeExceptionally(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error);
                return;
            }
            try {
                result.complete(apply.apply(value));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, ui);
        return result;
    }

    private void setTask(String text) {
        task = text;
        busyListener.accept(text);
    }
}
