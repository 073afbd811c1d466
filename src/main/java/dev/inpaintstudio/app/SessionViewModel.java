package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.jobs.JobState;
import dev.inpaintstudio.jobs.JobStatus;
import dev.inpaintstudio.params.ParameterSnapshot;
import dev.inpaintstudio.params.ParametersViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the artist's work safe: autosaves the open document (picture once, then the mask and the
 * side panel's values, a moment after each change and every half minute) on the I/O thread, offers
 * it back after a crash, and says what would be lost before the window closes.
 */
public final class SessionViewModel {
    private static final Logger LOG = Logger.getLogger(SessionViewModel.class.getName());
    static final Duration QUIET_BEFORE_SAVE = Duration.seconds(1.5);
    static final Duration PERIOD = Duration.seconds(30);

    private final Autosave autosave;
    private final GenerationViewModel generation;
    private final ParametersViewModel parameters;
    private final ExecutorService io;
    private final LongSupplier historyBudgetBytes;
    private final BooleanProperty unsubmittedMask = new SimpleBooleanProperty(this, "unsubmittedMask");
    private final PauseTransition debounce = new PauseTransition(QUIET_BEFORE_SAVE);
    private final Timeline periodic = new Timeline(new KeyFrame(PERIOD, e -> saveIfChanged()));
    private final MaskLayer.ChangeListener maskListener = dirty -> maskChanged();

    private boolean enabled;
    private Document watched;
    private String documentId;
    private boolean imageSaved;
    private boolean maskChangedSinceSave;
    private ParameterSnapshot savedParameters;
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    SessionViewModel(Autosave autosave, GenerationViewModel generation, ParametersViewModel parameters,
                     ExecutorService io, LongSupplier historyBudgetBytes) {
        this.autosave = autosave;
        this.historyBudgetBytes = historyBudgetBytes;
        this.generation = generation;
        this.parameters = parameters;
        this.io = io;
        debounce.setOnFinished(e -> saveNow());
        periodic.setCycleCount(Animation.INDEFINITE);
        generation.documentProperty().addListener((obs, old, doc) -> documentChanged(old, doc));
        generation.submittedProperty().addListener((obs, o, n) -> unsubmittedMask.set(false));
    }

    /** The mask was painted since it was last sent (or since the picture was opened). */
    public ReadOnlyBooleanProperty unsubmittedMaskProperty() {
        return unsubmittedMask;
    }

    /**
     * What closing now would lose or leave behind, in a sentence or two; "" when nothing. Says what
     * the next start does with each job under way, as {@code JobQueue.restore} does it: jobs the
     * server has are collected, jobs still waiting are sent then on their own, and jobs caught while
     * being sent are offered for retry (an offline one simply runs again).
     */
    public String closeWarning() {
        List<String> reasons = new ArrayList<>();
        Document doc = generation.documentProperty().get();
        if (doc != null && unsubmittedMask.get() && !doc.mask().isEmpty()) {
            reasons.add("The mask painted on " + doc.name() + " has not been used for a generation yet.");
        }
        List<JobStatus> active = generation.jobs().items().stream().map(JobsViewModel.Item::status)
                .filter(s -> s.state().isActive()).toList();
        if (!active.isEmpty()) {
            long onServer = active.stream().filter(JobStatus::onServer).count();
            long waiting = active.stream().filter(s -> !s.onServer() && s.state() == JobState.WAITING).count();
            long sending = active.size() - onServer - waiting;
            List<String> next = new ArrayList<>();
            if (onServer > 0) {
                next.add(count(onServer, "that the server has", "is", "are") + " collected");
            }
            if (waiting > 0) {
                next.add(count(waiting, "not sent yet", "is", "are") + " sent then, without asking");
            }
            if (sending > 0) {
                next.add(count(sending, "being sent right now", "is", "are") + " offered to retry, as "
                        + (sending == 1 ? "it" : "they") + " may or may not reach the server (offline jobs run again)");
            }
            reasons.add((active.size() == 1 ? "1 job is" : active.size() + " jobs are")
                    + " still under way. At the next start, " + String.join("; ", next) + ".");
        }
        return String.join("\n", reasons);
    }

    private static String count(long n, String what, String one, String many) {
        return (n == 1 ? "the one " + what + " " + one : "the " + n + " " + what + " " + many);
    }

    /**
     * The start-up decision: when the last run did not end cleanly and left a document, asks (on
     * {@code fx}) whether to restore it; restores it or drops it; then autosaving starts. Completes on
     * {@code fx} with the restored document for the caller to show, or empty (nothing was left, or the
     * artist said no).
     *
     * @param ask answers whether to restore the session it is given; called on {@code fx}
     */
    public CompletableFuture<Optional<Document>> offerRestore(Predicate<Autosave.Session> ask, Executor fx) {
        return findRestorable().exceptionally(e -> {
            LOG.log(Level.WARNING, "Could not read the autosaved document", e);
            return Optional.empty();
        }).thenApplyAsync(found -> {
            if (found.isEmpty()) {
                enable();
                return Optional.empty();
            }
            if (ask.test(found.get().session())) {
                return Optional.of(restore(found.get()));
            }
            discardRestorable();
            return Optional.empty();
        }, fx);
    }

    /** The document a run that did not end cleanly left behind, read on the I/O thread. */
    public CompletableFuture<Optional<Autosave.Snapshot>> findRestorable() {
        return CompletableFuture.supplyAsync(autosave::load, io);
    }

    /**
     * The document of a snapshot, with its mask and the side panel's values back; the caller shows it.
     * Autosaving starts.
     */
    public Document restore(Autosave.Snapshot snapshot) {
        Autosave.Session s = snapshot.session();
        Document doc = new Document(snapshot.image(), s.name() == null ? "Restored picture" : s.name(),
                s.source() == null ? null : Path.of(s.source()), historyBudgetBytes.getAsLong());
        doc.mask().writeRegion(doc.mask().bounds(), snapshot.coverage());
        ParameterSnapshot values = s.snapshot();
        if (values != null) {
            parameters.restore(values);
        }
        generation.markDerived(doc, s.parentResultId());
        enable();
        return doc;
    }

    /** Drops what the last run left and starts autosaving. */
    public void discardRestorable() {
        io.execute(autosave::clear);
        enable();
    }

    /** Starts autosaving (once the question of restoring is settled, so the old one is not overwritten). */
    public void enable() {
        if (enabled) {
            return;
        }
        enabled = true;
        periodic.play();
        if (watched != null) {
            imageSaved = false;
            saveNow();
        }
    }

    /** Saves at once; the future completes when it is on disk. */
    public CompletableFuture<Void> saveNow() {
        debounce.stop();
        Document doc = watched;
        if (!enabled || doc == null) {
            return lastWrite;
        }
        boolean writeImage = !imageSaved;
        imageSaved = true;
        maskChangedSinceSave = false;
        byte[] coverage = doc.mask().copyCoverage();
        ParameterSnapshot values = parameters.snapshot();
        savedParameters = values;
        Autosave.Session session = Autosave.session(documentId, doc.name(), doc.source().orElse(null), doc.width(),
                doc.height(), values, generation.parentOf(doc));
        lastWrite = CompletableFuture.runAsync(() -> {
            try {
                if (writeImage) {
                    autosave.saveImage(doc.image());
                }
                autosave.save(session, coverage);
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "Autosave failed", e);
            }
        }, io);
        return lastWrite;
    }

    /** On a clean exit: nothing to restore next time. */
    void closeCleanly() {
        periodic.stop();
        debounce.stop();
        enabled = false;
        try {
            io.execute(autosave::clear);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            autosave.clear();
        }
    }

    private void documentChanged(Document old, Document doc) {
        if (old != null) {
            old.mask().removeListener(maskListener);
        }
        watched = doc;
        unsubmittedMask.set(false);
        documentId = UUID.randomUUID().toString();
        imageSaved = false;
        if (doc == null) {
            if (enabled) {
                io.execute(autosave::clear);
            }
            return;
        }
        doc.mask().addListener(maskListener);
        if (!doc.mask().isEmpty()) {
            unsubmittedMask.set(true);
        }
        if (enabled) {
            saveNow();
        }
    }

    private void maskChanged() {
        unsubmittedMask.set(true);
        maskChangedSinceSave = true;
        if (enabled) {
            debounce.playFromStart();
        }
    }

    private void saveIfChanged() {
        if (watched != null && (maskChangedSinceSave || !parameters.snapshot().equals(savedParameters))) {
            saveNow();
        }
    }
}
