package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.gallery.ResultStore;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.PixelRect;
import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.jobs.GenerationRecipe;
import dev.inpaintstudio.jobs.JobListener;
import dev.inpaintstudio.jobs.LocalBackend;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import dev.inpaintstudio.modelslab.ModelsLabException;
import dev.inpaintstudio.params.FillSettings;
import dev.inpaintstudio.params.ParametersViewModel;
import dev.inpaintstudio.params.TextureSource;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;

/**
 * Generate and Cancel: snapshots the document and the request and queues a job (several may run at
 * once: see {@link JobsViewModel}); shows the progress of the job Generate started last; keeps the
 * gallery's results. Worker callbacks reach the properties only through {@code fx}.
 */
public final class GenerationViewModel {
    private final JobsViewModel jobs;
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
    private final IntegerProperty submitted = new SimpleIntegerProperty(this, "submitted");
    private final StringBinding blockedReason;
    private final StringBinding sizeText;
    private final ObjectProperty<CropSettings> cropSettings = new SimpleObjectProperty<>(this, "cropSettings", CropSettings.DEFAULT);
    private final ObjectProperty<ContextCrop> cropPreview = new SimpleObjectProperty<>(this, "cropPreview");
    private final TextureSource textureSource = new TextureSource();
    private boolean previewPending;
    /** Strokes change the mask dab by dab: the preview is planned once per burst, on the FX executor. */
    private final MaskLayer.ChangeListener maskWatcher = dirty -> {
        if (!previewPending) {
            previewPending = true;
            GenerationViewModel.this.fx.execute(() -> {
                previewPending = false;
                updateCropPreview();
            });
        }
    };
    /** Documents made from a result ("continue from here"), to the result they were. */
    private final Map<Document, String> parents = new WeakHashMap<>();
    private String currentJob;
    /** An earlier job's refusal is in the status line: the current job's progress does not replace it. */
    private boolean holdStatus;
    private final java.util.random.RandomGenerator random = new java.security.SecureRandom();

    public GenerationViewModel(JobsViewModel jobs, ResultStore store, ParametersViewModel parameters, Executor fx) {
        this.jobs = jobs;
        this.store = store;
        this.parameters = parameters;
        this.fx = fx;
        running.bind(jobs.activeProperty().greaterThan(0));
        jobs.setOnResults(this::addResults);
        blockedReason = Bindings.createStringBinding(() -> {
            if (document.get() == null) {
                return "Open an image first.";
            }
            List<String> problems = parameters.problemsProperty().get();
            return problems.isEmpty() ? "" : problems.get(0);
        }, document, parameters.problemsProperty());
        document.addListener((obs, old, doc) -> {
            if (old != null) {
                old.mask().removeListener(maskWatcher);
            }
            textureSource.clear(); // a box belongs to the picture it was drawn on
            if (doc != null) {
                doc.mask().addListener(maskWatcher);
            }
            updateCropPreview();
        });
        cropSettings.addListener((obs, old, now) -> updateCropPreview());
        parameters.backendProperty().addListener((obs, old, now) -> updateCropPreview());
        textureSource.boxProperty().addListener((obs, old, now) -> updateCropPreview());
        sizeText = Bindings.createStringBinding(() -> parameters.isOffline()
                ? offlineSizeText(document.get(), cropPreview.get())
                : sizeText(document.get(), cropPreview.get()), document, cropPreview, parameters.backendProperty());
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
        return wholeText(doc.width(), doc.height(), GenerationSize.fit(doc.width(), doc.height()));
    }

    /** Said of a w × h area thinner than 4:1, which cannot be sent as it is: at least 256 a side, at most 1024. */
    private static String stretchNote(int w, int h, GenerationSize sent) {
        double stretch = (sent.width() / (double) sent.height()) / (w / (double) h);
        return stretch > 1.05 || stretch < 1 / 1.05 ? ", stretched to the 4:1 the API allows at most" : "";
    }

    /** Why the whole w × h picture is sent at {@code sent}. */
    private static String wholeText(int w, int h, GenerationSize sent) {
        String size = sent.width() + " × " + sent.height();
        String picture = "the " + w + " × " + h + " picture";
        if (sent.width() == w && sent.height() == h) {
            return size + " (" + picture + " as it is)";
        }
        int multiple = GenerationSize.MULTIPLE;
        String stretched = stretchNote(w, h, sent);
        if (Math.max(w, h) > GenerationSize.MAX_SIDE) {
            return size + " (" + picture + " scaled to fit " + GenerationSize.MAX_SIDE + ", multiples of " + multiple
                    + stretched + ")";
        }
        if (sent.width() > w + GenerationSize.MULTIPLE / 2 || sent.height() > h + GenerationSize.MULTIPLE / 2) {
            // A crop plan brings the short side to 512 where it can; a whole-picture send to 256.
            int floor = Math.min(sent.width(), sent.height()) >= ContextCrop.MIN_CROP_SIDE
                    ? ContextCrop.MIN_CROP_SIDE : GenerationSize.MIN_SIDE;
            return size + " (" + picture + " scaled up to at least " + floor + ", multiples of " + multiple
                    + stretched + ")";
        }
        return size + " (" + picture + " rounded to multiples of " + multiple + ")";
    }

    /**
     * What is sent for a document whose mask is {@code crop} planned: a crop around the mask is
     * described as such, e.g. "768 × 512 (a 1500 × 1000 crop around the mask, scaled to fit)".
     */
    static String sizeText(Document doc, ContextCrop crop) {
        if (doc == null || crop == null) {
            return sizeText(doc);
        }
        if (crop.box().isWhole(doc.width(), doc.height())) {
            // The plan's own size: a crop grown to the whole picture is scaled up to 512, not 256.
            return wholeText(doc.width(), doc.height(), crop.size());
        }
        GenerationSize sent = crop.size();
        int cw = crop.box().width();
        int ch = crop.box().height();
        String how = sent.width() == cw && sent.height() == ch ? "as it is"
                : sent.width() > cw || sent.height() > ch ? "scaled up" : "scaled to fit";
        return sent.width() + " × " + sent.height() + " (a " + cw + " × " + ch + " crop around the mask, " + how
                + stretchNote(cw, ch, sent) + ")";
    }

    /** What the offline engine works on, e.g. "412 × 300 (the crop around the mask, at its own size)". */
    static String offlineSizeText(Document doc, ContextCrop crop) {
        if (doc == null || crop == null) {
            return "Follows the picture: open one to see the part the fill works on.";
        }
        GenerationSize size = crop.size();
        boolean whole = crop.box().isWhole(doc.width(), doc.height());
        String part = whole ? "the whole " + doc.width() + " × " + doc.height() + " picture"
                : "a " + crop.box().width() + " × " + crop.box().height() + " crop around the mask";
        boolean own = size.width() == crop.box().width() && size.height() == crop.box().height();
        return size.width() + " × " + size.height() + " (" + part + (own ? ", at its own size)" : ", scaled to fit "
                + LocalBackend.MAX_SIDE + ")");
    }

    /** How much is sent around the mask and how the result is blended back; from the settings. */
    public ObjectProperty<CropSettings> cropSettingsProperty() {
        return cropSettings;
    }

    /**
     * The part of the picture Generate would send and the size it is sent at, or null with no
     * picture open. Plain values (no JavaFX in them), for an overlay drawing the box over the editor.
     */
    public ReadOnlyObjectProperty<ContextCrop> cropPreviewProperty() {
        return cropPreview;
    }

    /** Plans from the box the mask keeps of its coverage: no scan of the whole mask on the FX thread. */
    private void updateCropPreview() {
        Document doc = document.get();
        cropPreview.set(doc == null ? null : planFor(doc, cropSettings.get(), parameters.isOffline(),
                textureSource.boxProperty().get()));
    }

    /** The plan for {@code doc}; offline, the crop also holds {@code textureBox} when there is one. */
    static ContextCrop planFor(Document doc, CropSettings settings, boolean offline, CropBox textureBox) {
        PixelRect covered = doc.mask().coveredBounds();
        CropBox bounds = covered.isEmpty() ? null : new CropBox(covered.x(), covered.y(), covered.width(), covered.height());
        return offline
                ? LocalBackend.planAround(bounds, textureBox, doc.width(), doc.height(), settings)
                : ContextCrop.planAround(bounds, doc.width(), doc.height(), settings);
    }

    /** What {@link #sizeText(Document)} says for the current document. */
    public StringBinding sizeTextProperty() {
        return sizeText;
    }

    public ObjectProperty<Document> documentProperty() {
        return document;
    }

    /** Whether any job is waiting or running. */
    public BooleanProperty runningProperty() {
        return running;
    }

    /** Progress of the job Generate started last. */
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

    /** How many jobs Generate has queued: grows each time the current mask is sent. */
    public ReadOnlyIntegerProperty submittedProperty() {
        return submitted;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public ResultStore store() {
        return store;
    }

    /** Loads the stored results; call once at start, off the UI thread if there may be many. */
    public void loadStoredResults() {
        List<StoredResult> stored = store.loadAll();
        fx.execute(() -> {
            // Results of jobs that finished meanwhile stay in front.
            List<StoredResult> fresh = List.copyOf(results);
            results.setAll(stored);
            for (StoredResult r : fresh) {
                if (!results.contains(r)) {
                    results.add(0, r);
                }
            }
        });
    }

    /** Notes that {@code doc}'s picture is the result {@code parentResultId}, for the records of its jobs. */
    public void markDerived(Document doc, String parentResultId) {
        if (parentResultId == null) {
            parents.remove(doc);
        } else {
            parents.put(doc, parentResultId);
        }
    }

    /** The result a document's picture was, or null. */
    public String parentOf(Document doc) {
        return doc == null ? null : parents.get(doc);
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
        GenerationRecipe recipe;
        Endpoint endpoint = null;
        if (parameters.isOffline()) {
            recipe = new GenerationRecipe.LocalFill(fillOptions(parameters.fillSettings(), random,
                    TextureSource.region(textureSource.boxProperty().get(), doc.width(), doc.height())));
        } else {
            InpaintParameters asked = parameters.toParameters();
            parameters.noteSubmitted();
            recipe = new GenerationRecipe.ModelsLab(asked);
            endpoint = asked.endpoint();
        }
        JobRequest request = new JobRequest(doc.image(), doc.mask().copyCoverage(), recipe, doc.name(), null,
                cropSettings.get());
        Listener listener = new Listener(endpoint, recipe instanceof GenerationRecipe.ModelsLab m ? m.parameters() : null);
        listener.jobId = jobs.submit(request, parents.get(doc), listener);
        currentJob = listener.jobId;
        holdStatus = false;
        progress.set(-1);
        showStatus("Queued…");
        submitted.set(submitted.get() + 1);
    }

    /**
     * The engine's options for the panel's offline settings; a random seed is drawn now, so the result's
     * record names the seed that made it and "reuse settings" repeats it.
     */
    static FillOptions fillOptions(FillSettings fill, java.util.random.RandomGenerator random, byte[] sourceRegion) {
        Long fixed = fill.fixedSeed();
        long seed = fixed != null ? fixed : random.nextLong(1L << 31);
        return new FillOptions(fill.patchSize(), FillQuality.valueOf(fill.preset().name()), seed, sourceRegion);
    }

    /** Where the offline fill may take texture from: a box on the open picture, or anywhere. */
    public TextureSource textureSource() {
        return textureSource;
    }

    /** Cancels the job Generate started last, or else the newest one still under way. */
    public void cancel() {
        String id = currentJob;
        JobsViewModel.Item item = id == null ? null : jobs.find(id);
        if (item == null || !item.status().state().isActive()) {
            item = null;
            for (JobsViewModel.Item i : jobs.items()) {
                if (i.status().state().isActive()) {
                    item = i;
                }
            }
        }
        if (item != null) {
            jobs.cancel(item);
            showStatus("Cancelling…");
        }
    }

    private boolean isActive(String jobId) {
        JobsViewModel.Item item = jobs.find(jobId);
        return item != null && item.status().state().isActive();
    }

    /** Shows a problem of the app's own (e.g. a setting that could not be saved) in the status line. */
    void showProblem(String text) {
        showError(text);
    }

    void showStatus(String text) {
        statusIsError.set(false);
        status.set(text);
    }

    private void showError(String text) {
        statusIsError.set(true);
        status.set(text);
    }

    /** Puts a finished job's results in front of the gallery. */
    private void addResults(List<StoredResult> saved) {
        results.addAll(0, saved);
        if (!saved.isEmpty()) {
            latest.set(saved.get(0));
        }
    }

    /** Replaces a result (e.g. after starring it) in the gallery. */
    void replaceResult(StoredResult old, StoredResult now) {
        int i = results.indexOf(old);
        if (i >= 0) {
            results.set(i, now);
        }
    }

    void removeResult(StoredResult r) {
        results.remove(r);
        if (r.equals(latest.get())) {
            latest.set(null);
        }
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

    /** Hears about one job Generate started; shows it in the status line while it is the latest. */
    private final class Listener implements JobListener {
        private final Endpoint submittedTo;
        /** What the job sent, so a late refusal marks only fields that still hold it. */
        private final InpaintParameters sent;
        volatile String jobId;

        Listener(Endpoint submittedTo, InpaintParameters sent) {
            this.submittedTo = submittedTo;
            this.sent = sent;
        }

        private boolean isCurrent() {
            return jobId != null && jobId.equals(currentJob);
        }

        @Override
        public void report(Stage stage, double fraction, String detail) {
            fx.execute(() -> {
                if (isCurrent()) {
                    progress.set(fraction);
                    if (!holdStatus) {
                        showStatus(detail == null || detail.isBlank() ? stage.label() : stage.label() + ": " + detail);
                    }
                }
            });
        }

        @Override
        public void succeeded(JobOutcome outcome) {
            fx.execute(() -> {
                if (!isCurrent()) {
                    return;
                }
                holdStatus = false;
                progress.set(1);
                int n = outcome.results().size();
                String seconds = String.format(Locale.ROOT, "%.1f", outcome.elapsed().toMillis() / 1000.0);
                if (outcome.nsfwContentDetected()) {
                    showError("Done in " + seconds + " s, but the server flagged the output as NSFW and may have blanked it.");
                } else {
                    showStatus("Done in " + seconds + " s: " + n + (n == 1 ? " result." : " results."));
                }
            });
        }

        @Override
        public void failed(String message, Throwable cause) {
            ModelsLabException refusal = modelsLabCause(cause);
            fx.execute(() -> {
                boolean current = isCurrent();
                if (current) {
                    progress.set(0);
                    showError(message);
                    holdStatus = false;
                }
                if (refusal == null || refusal.fieldErrors().isEmpty() || submittedTo == null
                        || submittedTo != parameters.endpointProperty().get()) {
                    return;
                }
                // The newest refusal from the endpoint on screen goes to its fields, also when other jobs
                // were started since: a refusal arriving later replaces the marks of an earlier one.
                parameters.clearServerErrors();
                List<String> elsewhere = parameters.showServerErrors(submittedTo, refusal.fieldErrors(),
                        field -> sent == null || java.util.Objects.equals(sent.get(field), parameters.valueNow(field)));
                boolean marked = elsewhere.size() < refusal.fieldErrors().size();
                String rest = String.join("; ", elsewhere);
                rest = rest.isEmpty() || rest.endsWith(".") ? rest : rest + ".";
                String text = (current ? "" : "An earlier job was refused. ")
                        + (marked ? "ModelsLab rejected some settings; they are marked at their fields."
                        + (rest.isEmpty() ? "" : " Also: " + rest) : "ModelsLab rejected the request: " + rest);
                showError(text);
                // The job under way must not wipe the refusal from the status line with its progress.
                holdStatus = !current && currentJob != null && isActive(currentJob);
            });
        }

        @Override
        public void cancelled() {
            fx.execute(() -> {
                if (isCurrent()) {
                    holdStatus = false;
                    progress.set(0);
                    showStatus("Cancelled.");
                }
            });
        }
    }
}
