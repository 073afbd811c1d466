package dev.inpaintstudio.app;

import dev.inpaintstudio.jobs.JobState;
import dev.inpaintstudio.jobs.JobStatus;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The jobs panel: every job with its stage (waiting, preparing, uploading, queued on the server with
 * its ETA, downloading, done, failed), progress, running time, and Cancel, Retry or Remove; a job
 * cancelled after the server took it also offers Check again, which collects it without paying twice.
 */
public final class JobQueueView extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final JobsViewModel model;
    private final ListView<JobsViewModel.Item> list;

    public JobQueueView(JobsViewModel model) {
        this.model = model;
        getStyleClass().add("job-queue");
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.activeProperty().get() == 0 ? "Jobs"
                : "Jobs · " + model.activeProperty().get() + " under way", model.activeProperty()));
        Button clear = new Button("Clear finished");
        clear.setId("clearFinishedJobs");
        clear.setOnAction(e -> model.clearFinished());
        clear.disableProperty().bind(Bindings.size(model.items()).isEqualTo(model.activeProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, clear);
        header.setAlignment(Pos.CENTER_LEFT);

        list = new ListView<>(model.items());
        list.setId("jobs");
        list.getStyleClass().add("job-list");
        Label empty = new Label("No jobs. Each Generate queues one here; several run at once.");
        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder");
        list.setPlaceholder(empty);
        // As tall as the gallery beside it; the window gives the rest to the picture.
        list.setPrefHeight(140);
        list.setMinHeight(60);
        list.setCellFactory(l -> new JobCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
        setSpacing(4);
        setPadding(new Insets(6, 10, 8, 10));

        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        model.activeProperty().addListener((obs, o, n) -> {
            if (n.intValue() > 0) {
                clock.play();
            } else {
                clock.stop();
                model.tick();
            }
        });
    }

    public ListView<JobsViewModel.Item> list() {
        return list;
    }

    private final class JobCell extends ListCell<JobsViewModel.Item> {
        private final Label title = new Label();
        private final Label stage = new Label();
        private final Label elapsed = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final Label detail = new Label();
        private final Button cancel = new Button("Cancel");
        private final Button retry = new Button("Retry");
        private final Button check = new Button("Check again");
        private final Button remove = new Button("✕");
        private final VBox box;
        private final ChangeListener<JobStatus> statusListener = (obs, o, s) -> show(s);
        private JobsViewModel.Item shown;

        JobCell() {
            title.getStyleClass().add("job-title");
            title.setMaxWidth(Double.MAX_VALUE);
            title.setMinWidth(0);
            stage.setMinWidth(Region.USE_PREF_SIZE);
            elapsed.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(title, Priority.ALWAYS);
            stage.getStyleClass().add("job-stage");
            elapsed.getStyleClass().add("job-elapsed");
            elapsed.setAlignment(Pos.CENTER_RIGHT);
            detail.getStyleClass().add("job-detail");
            detail.setWrapText(true);
            detail.setMaxWidth(Double.MAX_VALUE);
            progress.setMaxWidth(Double.MAX_VALUE);
            progress.setPrefHeight(10);
            HBox.setHgrow(progress, Priority.ALWAYS);
            cancel.getStyleClass().add("job-cancel");
            retry.getStyleClass().add("job-retry");
            check.getStyleClass().add("job-check");
            check.setTooltip(new Tooltip("The server may finish this job anyway: ask it for the result "
                    + "(not sent, nor charged, again)"));
            remove.getStyleClass().add("job-remove");
            remove.setTooltip(new Tooltip("Remove from the list"));
            for (Button b : new Button[] {cancel, check, retry, remove}) {
                b.setFocusTraversable(false);
                b.managedProperty().bind(b.visibleProperty());
            }
            cancel.setOnAction(e -> {
                if (shown != null) {
                    model.cancel(shown);
                }
            });
            retry.setOnAction(e -> {
                if (shown != null) {
                    model.retry(shown);
                }
            });
            check.setOnAction(e -> {
                if (shown != null) {
                    model.checkAgain(shown);
                }
            });
            remove.setOnAction(e -> {
                if (shown != null) {
                    model.remove(shown);
                }
            });
            HBox top = new HBox(8, title, stage, elapsed);
            top.setAlignment(Pos.CENTER_LEFT);
            HBox middle = new HBox(6, progress, cancel, check, retry, remove);
            middle.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, top, middle, detail);
            box.getStyleClass().add("job-cell");
            box.setMinWidth(0);
            box.setPrefWidth(1);
        }

        @Override
        protected void updateItem(JobsViewModel.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (shown != null) {
                shown.statusProperty().removeListener(statusListener);
                elapsed.textProperty().unbind();
            }
            shown = empty ? null : item;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            shown.statusProperty().addListener(statusListener);
            elapsed.textProperty().bind(shown.elapsedProperty());
            show(shown.status());
            setGraphic(box);
        }

        private void show(JobStatus s) {
            String prompt = s.prompt() == null || s.prompt().isBlank() ? "(no prompt)" : s.prompt().strip();
            title.setText(prompt + "  ·  " + s.sourceName());
            title.setTooltip(new Tooltip(prompt + "\n" + s.sourceName() + (s.serverId() == null ? ""
                    : "\nserver job " + s.serverId()) + (s.parentResultId() == null ? ""
                    : "\nfrom result " + s.parentResultId())));
            stage.setText(s.stageLabel());
            boolean running = s.state() == JobState.RUNNING;
            progress.setProgress(s.state() == JobState.DONE ? 1 : running ? s.fraction() : 0);
            progress.setVisible(s.state().isActive() || s.state() == JobState.DONE);
            String text = s.message() != null && !s.message().isBlank() ? s.message() : s.detail();
            detail.setText(text == null ? "" : text);
            detail.setVisible(!detail.getText().isEmpty());
            detail.setManaged(detail.isVisible());
            cancel.setVisible(s.canCancel());
            retry.setVisible(s.canRetry());
            check.setVisible(s.canCheckAgain());
            retry.setText(s.retryCollects() ? "Check again" : s.canCheckAgain() ? "Send again" : "Retry");
            retry.setTooltip(new Tooltip(s.retryCollects() ? "Ask the server for this job again (not charged again)"
                    : s.canCheckAgain() ? "Send this job again as a new one (charged again)" : "Send this job again"));
            remove.setVisible(!s.state().isActive());
            if (s.serverId() != null) {
                cancel.setTooltip(new Tooltip("Stop waiting for it (the server may still finish and charge it)"));
            } else {
                cancel.setTooltip(new Tooltip("Cancel this job"));
            }
            String idPart = s.id();
            cancel.setId("job-cancel-" + idPart);
            retry.setId("job-retry-" + idPart);
            check.setId("job-check-" + idPart);
            remove.setId("job-remove-" + idPart);
            box.pseudoClassStateChanged(FAILED, s.state() == JobState.FAILED || s.state() == JobState.INTERRUPTED);
            box.pseudoClassStateChanged(DONE, s.state() == JobState.DONE);
        }
    }
}
