package dev.inpaintstudio.params;

import dev.inpaintstudio.modelslab.Endpoint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Save, load, rename, delete, import and export presets of the side panel's parameters. The
 * snapshot is taken and restored on the UI thread; the files are read and written on {@code io},
 * never on the UI thread. Each action returns a future that completes once its result is shown
 * (tests wait on it); failures end up in {@link #messageProperty()}, not as exceptions.
 */
public final class PresetsViewModel {
    private final ParametersViewModel parameters;
    private final PresetStore store;
    private final Executor io;
    private final Executor fx;
    private final Supplier<Endpoint> defaultEndpoint;

    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(this, "messageIsError");

    public PresetsViewModel(ParametersViewModel parameters, PresetStore store, Executor io, Executor fx,
                            Supplier<Endpoint> defaultEndpoint) {
        this.parameters = parameters;
        this.store = store;
        this.io = io;
        this.fx = fx;
        this.defaultEndpoint = defaultEndpoint;
    }

    /** The saved presets' names, sorted. */
    public ObservableList<String> names() {
        return names;
    }

    /** The preset last loaded or saved, or null; the chooser shows it (rename and delete act on what it shows). */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** What the last action did or why it failed; "" before any. */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public PresetStore store() {
        return store;
    }

    /** Reads the list of presets. */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.supplyAsync(this::listNames, io)
                .thenAcceptAsync(names::setAll, fx)
                .exceptionally(this::failed);
    }

    /** Whether a preset with this name exists in the list shown. */
    public boolean exists(String name) {
        return names.contains(PresetStore.clean(name));
    }

    /** Saves the current parameters under a name (replacing a preset of that name). */
    public CompletableFuture<Void> save(String name) {
        ParameterSnapshot snapshot = parameters.snapshot();
        String clean = PresetStore.clean(name);
        return run(() -> store.save(clean, snapshot), "Saved preset \"" + clean + "\".", clean);
    }

    /** Puts a preset's parameters into the panel; loading the one loaded already drops the edits made since. */
    public CompletableFuture<Void> load(String name) {
        String clean = PresetStore.clean(name);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store.load(clean);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io).thenAcceptAsync(snapshot -> {
            parameters.restore(snapshot);
            selected.set(clean);
            show("Loaded preset \"" + clean + "\".", false);
        }, fx).exceptionally(this::failed);
    }

    public CompletableFuture<Void> rename(String from, String to) {
        String target = PresetStore.clean(to);
        return run(() -> store.rename(from, target), "Renamed preset \"" + from + "\" to \"" + target + "\".", target);
    }

    public CompletableFuture<Void> delete(String name) {
        return run(() -> store.delete(name), "Deleted preset \"" + name + "\".", null);
    }

    /** Adds a preset file as a preset (under a free name) and loads it. Completes with its name. */
    public CompletableFuture<String> importFrom(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                PresetStore.Named named = store.read(file);
                String name = store.freeName(named.name());
                store.save(name, named.snapshot());
                return new Imported(name, named.snapshot(), listNames());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io).thenApplyAsync(imported -> {
            names.setAll(imported.names());
            parameters.restore(imported.snapshot());
            selected.set(imported.name());
            show("Imported preset \"" + imported.name() + "\".", false);
            return imported.name();
        }, fx).exceptionally(e -> {
            failed(e);
            return null;
        });
    }

    private record Imported(String name, ParameterSnapshot snapshot, List<String> names) {
    }

    /** Writes the current parameters to a file, named after the selected preset or the file. */
    public CompletableFuture<Void> exportTo(Path file) {
        ParameterSnapshot snapshot = parameters.snapshot();
        String fileName = String.valueOf(file.getFileName());
        String name = selected.get() != null ? selected.get()
                : fileName.endsWith(PresetStore.EXTENSION) ? fileName.substring(0, fileName.length() - 5) : fileName;
        return CompletableFuture.runAsync(() -> {
            try {
                store.write(file, name, snapshot);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io).thenRunAsync(() -> show("Exported the parameters to " + fileName + ".", false), fx)
                .exceptionally(this::failed);
    }

    /** Every parameter back to its default, on the default endpoint. */
    public void resetToDefaults() {
        parameters.resetToDefaults(defaultEndpoint.get());
        selected.set(null);
        show("Parameters reset to their defaults.", false);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private CompletableFuture<Void> run(IoAction action, String done, String select) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                action.run();
                return listNames();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io).thenAcceptAsync(list -> {
            names.setAll(list);
            selected.set(select);
            show(done, false);
        }, fx).exceptionally(this::failed);
    }

    private List<String> listNames() {
        try {
            return store.names();
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private Void failed(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        fx.execute(() -> show("Preset: " + text, true));
        return null;
    }

    private void show(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
    }
}
