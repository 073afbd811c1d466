package dev.inpaintstudio.gallery;

import javafx.application.Platform;
import javafx.scene.image.Image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gallery thumbnails: the small PNG cached beside each result (made when missing), decoded at the
 * cell's size on a background thread, the most recently shown kept in memory. The UI thread never
 * touches the disk.
 *
 * <p>Visible cells first: the newest request is decoded first, and a request whose cell has since
 * scrolled away or been given another result ({@link #cancel}) is dropped before it is decoded, so
 * scrolling through a thousand results does not queue a thousand decodes ahead of the ones on screen.
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
    /** The live request for each thumbnail being loaded; read by the loaders to skip dropped ones. */
    private final Map<String, Request> pending = new ConcurrentHashMap<>();
    /** Requests waiting for a loader, newest first. */
    private final Deque<Request> queued = new ConcurrentLinkedDeque<>();
    private final AtomicInteger decoded = new AtomicInteger();

    /** One thumbnail wanted; {@code waiting} is touched on the UI thread only. */
    private static final class Request {
        final StoredResult result;
        final List<Runnable> waiting = new ArrayList<>();

        Request(StoredResult result) {
            this.result = result;
        }
    }

    public Thumbnails(ResultStore store, Executor background, double width, double height) {
        this.store = store;
        this.background = background;
        this.width = width;
        this.height = height;
    }

    /**
     * The thumbnail when it is loaded; else null, and {@code ready} runs on the UI thread once it is,
     * unless {@link #cancel cancelled} before. Call on the UI thread.
     */
    public Image get(StoredResult result, Runnable ready) {
        Image image = cache.get(result.id());
        if (image != null) {
            return image;
        }
        Request request = pending.get(result.id());
        if (request != null) {
            request.waiting.add(ready);
            return null;
        }
        request = new Request(result);
        request.waiting.add(ready);
        pending.put(result.id(), request);
        queued.addFirst(request);
        try {
            background.execute(this::loadNewest);
        } catch (RejectedExecutionException closing) {
            // The app is shutting down while the gallery still lays out: nothing will be shown.
            queued.remove(request);
            pending.remove(result.id(), request);
        }
        return null;
    }

    /**
     * The cell that asked with {@code ready} no longer shows {@code result}: it is not told, and when
     * nobody else waits for that thumbnail it is not decoded at all. Call on the UI thread.
     */
    public void cancel(StoredResult result, Runnable ready) {
        Request request = pending.get(result.id());
        if (request == null) {
            return;
        }
        request.waiting.remove(ready);
        if (request.waiting.isEmpty()) {
            pending.remove(result.id(), request);
        }
    }

    /** On a loader: the newest request still wanted, decoded; dropped ones are skipped without reading anything. */
    private void loadNewest() {
        Request request;
        do {
            request = queued.pollFirst();
            if (request == null) {
                return;
            }
        } while (pending.get(request.result.id()) != request);
        Request loading = request;
        Image loaded = null;
        try {
            Path file = store.thumbnail(loading.result);
            loaded = new Image(file.toUri().toString(), width, height, true, true, false);
            decoded.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "No thumbnail for " + loading.result.id(), e);
        }
        Image done = loaded;
        Platform.runLater(() -> {
            if (done != null && !done.isError()) {
                cache.put(loading.result.id(), done);
            }
            if (pending.remove(loading.result.id(), loading) && done != null && !done.isError()) {
                List.copyOf(loading.waiting).forEach(Runnable::run);
            }
        });
    }

    /** Whether it is in memory (for tests). */
    public boolean isCached(StoredResult result) {
        return cache.containsKey(result.id());
    }

    /** How many thumbnails have been decoded so far (for tests). */
    int decodedCount() {
        return decoded.get();
    }
}
