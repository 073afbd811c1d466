package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.gallery.ResultStore;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.jobs.JobHandle;
import dev.inpaintstudio.jobs.JobListener;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.jobs.JobRunner;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import dev.inpaintstudio.modelslab.ModelsLabException;
import dev.inpaintstudio.params.ParametersViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * Generate and Cancel: snapshots the document and the request, runs the job off the UI thread,
 * stores the results and shows progress. Worker callbacks reach the properties only through {@code fx}.
 */
public final class GenerationViewModel {
    private final JobRunner runner;
    private final ResultStore store;
    private final ParametersViewModel parameters;
    private final Executor fx;

    private final ObjectProperty<Document> document = new SimpleObjectProperty<>(this, "document");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty(this, "statusIsError");
    private final ObservableList<StoredResult> results = FXCollections.observableArrayList();
    private final ObjectProperty<StoredResult> latest = new SimpleObjectProperty<>(this, "latest");
    private final StringBinding blockedReason;
    private final StringBinding sizeText;
    private JobHandle current;
    private Endpoint submittedTo;

    public GenerationViewModel(JobRunner runner, ResultStore store, ParametersViewModel parameters, Executor fx) {
        this.runner = runner;
        this.store = store;
        this.parameters = parameters;
        this.fx = fx;
        blockedReason = Bindings.createStringBinding(() -> {
            if (running.get()) {
                return "A generation is running.";
            }
            if (document.get() == null) {
                return "Open an image first.";
            }
            List<String> problems = parameters.problemsProperty().get();
            return problems.isEmpty() ? "" : problems.get(0);
        }, running, document, parameters.problemsProperty());
        sizeText = Bindings.createStringBinding(() -> sizeText(document.get()), document);
        parameters.sizeTextProperty().bind(sizeText);
    }

    /**
     * The width and height sent for a document, and why: e.g. "1024 × 680 (the 6000 × 4000 picture
     * scaled to fit 1024, multiples of 8)". Results are scaled back to the picture's own size.
     */
    static String sizeText(Document doc) {
        if (doc == null) {
            return "Follows the picture: open one to see the size sent.";
        }
        int w = doc.width();
        int h = doc.height();
        GenerationSize sent = GenerationSize.fit(w, h);
        String size = sent.width() + " × " + sent.height();
        String picture = "the " + w + " × " + h + " picture";
        if (sent.width() == w && sent.height() == h) {
            return size + " (" + picture + " as it is)";
        }
        int multiple = GenerationSize.MULTIPLE;
        if (Math.max(w, h) > GenerationSize.MAX_SIDE) {
            return size + " (" + picture + " scaled to fit " + GenerationSize.MAX_SIDE + ", multiples of " + multiple + ")";
        }
        if (Math.min(w, h) < GenerationSize.MIN_SIDE) {
            return size + " (" + picture + " scaled up to at least " + GenerationSize.MIN_SIDE + ", multiples of " + multiple + ")";
        }
        return size + " (" + picture + " rounded to multiples of " + multiple + ")";
    }

    /** What {@link #sizeText(Document)} says for the current document. */
    public StringBinding sizeTextProperty() {
        return sizeText;
    }

    public ObjectProperty<Document> documentProperty() {
        return document;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty statusIsErrorProperty() {
        return statusIsError;
    }

    /** Why Generate cannot run now, or "" when it can. */
    public StringBinding blockedReasonProperty() {
        return blockedReason;
    }

    public ObservableList<StoredResult> results() {
        return results;
    }

    /** The newest result of the last job, set when it arrives. */
    public ObjectProperty<StoredResult> latestProperty() {
        return latest;
    }

    /** Loads the stored results; call once at start, off the UI thread if there may be many. */
    public void loadStoredResults() {
        List<StoredResult> stored = store.loadAll();
        fx.execute(() -> results.setAll(stored));
    }

    public void generate() {
        String reason = blockedReason.get();
        Document doc = document.get();
        if (!reason.isEmpty() || doc == null) {
            showError(reason);
            return;
        }
        if (doc.mask().isEmpty()) {
            showError("Paint over the area to repaint first: the mask is empty.");
            return;
        }
        InpaintParameters asked = parameters.toParameters();
        parameters.noteSubmitted();
        submittedTo = asked.endpoint();
        JobRequest request = new JobRequest(doc.image(), doc.mask().copyCoverage(), asked, doc.name());
        running.set(true);
        progress.set(-1);
        showStatus("Starting…");
        current = runner.submit(request, new Listener());
    }

    public void cancel() {
        JobHandle job = current;
        if (job != null) {
            job.cancel();
            showStatus("Cancelling…");
        }
    }

    void showStatus(String text) {
        statusIsError.set(false);
        status.set(text);
    }

    private void showError(String text) {
        statusIsError.set(true);
        status.set(text);
    }

    private void finished() {
        running.set(false);
        current = null;
    }

    private static ModelsLabException modelsLabCause(Throwable cause) {
        // The backend wraps the client's exception in a BackendException.
        Throwable t = cause;
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
            if (t instanceof ModelsLabException m) {
                return m;
            }
        }
        return null;
    }

    private final class Listener implements JobListener {
        @Override
        public void report(Stage stage, double fraction, String detail) {
            fx.execute(() -> {
                if (running.get()) {
                    progress.set(fraction);
                    showStatus(detail == null || detail.isBlank() ? stage.label() : stage.label() + ": " + detail);
                }
            });
        }

        @Override
        public void succeeded(JobOutcome outcome) {
            List<StoredResult> saved;
            try {
                saved = store.save(outcome);
            } catch (IOException e) {
                failed("The result could not be saved to " + store.root() + ": " + e.getMessage(), e);
                return;
            }
            fx.execute(() -> {
                finished();
                progress.set(1);
                results.addAll(0, saved);
                latest.set(saved.isEmpty() ? null : saved.get(0));
                String seconds = String.format(Locale.ROOT, "%.1f", outcome.elapsed().toMillis() / 1000.0);
                if (outcome.nsfwContentDetected()) {
                    showError("Done in " + seconds + " s, but the server flagged the output as NSFW and may have blanked it.");
                } else {
                    showStatus("Done in " + seconds + " s: " + saved.size() + (saved.size() == 1 ? " result." : " results."));
                }
            });
        }

        @Override
        public void failed(String message, Throwable cause) {
            ModelsLabException refusal = modelsLabCause(cause);
            fx.execute(() -> {
                finished();
                progress.set(0);
                showError(message);
                if (refusal != null && !refusal.fieldErrors().isEmpty()) {
                    // The server's complaints go to the fields they name; the status keeps the whole message.
                    parameters.showServerErrors(submittedTo, refusal.fieldErrors());
                }
            });
        }

        @Override
        public void cancelled() {
            fx.execute(() -> {
                finished();
                progress.set(0);
                showStatus("Cancelled.");
            });
        }
    }
}
