package dev.inpaintstudio.gallery;

import javafx.application.Platform;
import javafx.scene.image.Image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gallery thumbnails: the small PNG cached beside each result (made when missing), decoded at the
 * cell's size on a background thread, the most recently shown kept in memory. The UI thread never
 * touches the disk.
 */
public final class Thumbnails {
    private static final Logger LOG = Logger.getLogger(Thumbnails.class.getName());
    private static final int KEPT = 300;

    private final ResultStore store;
    private final Executor background;
    private final double width;
    private final double height;
    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > KEPT;
        }
    };
    /** Thumbnails being loaded, with whom to tell when they are: cells are reused, so there may be several. */
    private final Map<String, List<Runnable>> pending = new HashMap<>();

    public Thumbnails(ResultStore store, Executor background, double width, double height) {
        this.store = store;
        this.background = background;
        this.width = width;
        this.height = height;
    }

    /**
     * The thumbnail when it is loaded; else null, and {@code ready} runs on the UI thread once it is.
     * Call on the UI thread.
     */
    public Image get(StoredResult result, Runnable ready) {
        Image image = cache.get(result.id());
        if (image != null) {
            return image;
        }
        List<Runnable> waiting = pending.get(result.id());
        if (waiting != null) {
            waiting.add(ready);
            return null;
        }
        pending.put(result.id(), new ArrayList<>(List.of(ready)));
        background.execute(() -> {
            Image loaded = null;
            try {
                Path file = store.thumbnail(result);
                loaded = new Image(file.toUri().toString(), width, height, true, true, false);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "No thumbnail for " + result.id(), e);
            }
            Image done = loaded;
            Platform.runLater(() -> {
                List<Runnable> told = pending.remove(result.id());
                if (done != null && !done.isError()) {
                    cache.put(result.id(), done);
                    told.forEach(Runnable::run);
                }
            });
        });
        return null;
    }

    /** Whether it is in memory (for tests). */
    public boolean isCached(StoredResult result) {
        return cache.containsKey(result.id());
    }
}
