package dev.inpaintstudio.app;

import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.jobs.JobListener;
import dev.inpaintstudio.jobs.JobQueue;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.jobs.JobStatus;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The queue panel's model: one {@link Item} per job, in the order they were submitted, updated from
 * the queue's worker threads through {@code fx}. Cancel, retry and remove go straight to the queue.
 */
public final class JobsViewModel {
    private final JobQueue<List<StoredResult>> queue;
    private final Executor fx;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final IntegerProperty active = new SimpleIntegerProperty(this, "active");
    private Consumer<List<StoredResult>> onResults = r -> { };

    /** One job as the panel shows it. */
    public static final class Item {
        private final String id;
        private final ObjectProperty<JobStatus> status = new SimpleObjectProperty<>(this, "status");
        private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");

        Item(JobStatus first) {
            this.id = first.id();
            status.set(first);
        }

        public String id() {
            return id;
        }

        public ReadOnlyObjectProperty<JobStatus> statusProperty() {
            return status;
        }

        public JobStatus status() {
            return status.get();
        }

        /** Running time, "0:07"; refreshed by {@link JobsViewModel#tick}. */
        public ReadOnlyStringProperty elapsedProperty() {
            return elapsed;
        }
    }

    public JobsViewModel(JobQueue<List<StoredResult>> queue, Executor fx) {
        this.queue = queue;
        this.fx = fx;
        queue.addListener(new JobQueue.Listener<>() {
            @Override
            public void changed(JobStatus job) {
                fx.execute(() -> update(job));
            }

            @Override
            public void stored(JobStatus job, List<StoredResult> results) {
                fx.execute(() -> onResults.accept(results));
            }

            @Override
            public void removed(String jobId) {
                fx.execute(() -> {
                    items.removeIf(i -> i.id.equals(jobId));
                    countActive();
                });
            }
        });
    }

    public ObservableList<Item> items() {
        return items;
    }

    /** Jobs waiting or running. */
    public ReadOnlyIntegerProperty activeProperty() {
        return active;
    }

    /** Told on the UI thread about the results of every job that finishes, restored ones too. */
    void setOnResults(Consumer<List<StoredResult>> onResults) {
        this.onResults = onResults;
    }

    /** Queues a job; returns its id. */
    public String submit(JobRequest request, String parentResultId, JobListener observer) {
        JobStatus status = queue.submit(request, parentResultId, observer);
        update(status);
        return status.id();
    }

    public void cancel(Item item) {
        queue.cancel(item.id);
    }

    public void cancel(String id) {
        queue.cancel(id);
    }

    public void retry(Item item) {
        queue.retry(item.id);
    }

    /** Asks the server again for a cancelled job it had taken: collected, not sent (and paid) again. */
    public void checkAgain(Item item) {
        queue.checkAgain(item.id);
    }

    public void remove(Item item) {
        queue.remove(item.id);
    }

    public void clearFinished() {
        queue.clearFinished();
    }

    public Item find(String id) {
        return items.stream().filter(i -> i.id.equals(id)).findFirst().orElse(null);
    }

    /** Refreshes the running times; the panel calls it every second. */
    public void tick() {
        Instant now = Instant.now();
        for (Item item : items) {
            item.elapsed.set(format(item.status().elapsed(now)));
        }
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void update(JobStatus status) {
        Item item = find(status.id());
        if (item == null) {
            items.add(new Item(status));
        } else if (status.revision() > item.status.get().revision()) {
            item.status.set(status);
        } else {
            return; // an older snapshot, told late from another thread
        }
        item = item == null ? find(status.id()) : item;
        item.elapsed.set(format(status.elapsed(Instant.now())));
        countActive();
    }

    private void countActive() {
        active.set((int) items.stream().filter(i -> i.status().state().isActive()).count());
    }
}
