package dev.inpaintstudio.gallery;

import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * A strip of result thumbnails, newest first. Thumbnails are the small cached PNGs, loaded in the
 * background ({@link Thumbnails}), so a thousand results scroll as easily as ten. A star marks the
 * starred ones, an arrow those made by continuing from another result.
 */
public final class GalleryView extends ListView<StoredResult> {
    static final double THUMB_WIDTH = 150;
    static final double THUMB_HEIGHT = 100;

    private final Thumbnails thumbnails;

    /** Loads thumbnails from the full-size files (no cache): for small galleries and tests. */
    public GalleryView(ObservableList<StoredResult> results) {
        this(results, null);
    }

    public GalleryView(ObservableList<StoredResult> results, Thumbnails thumbnails) {
        super(results);
        this.thumbnails = thumbnails;
        getStyleClass().add("gallery");
        setOrientation(Orientation.HORIZONTAL);
        setPrefHeight(THUMB_HEIGHT + 48);
        setMinHeight(THUMB_HEIGHT + 48);
        setPlaceholder(new Label("Results appear here. Paint a mask, then Generate (Ctrl+Enter)."));
        setCellFactory(list -> new ThumbnailCell());
    }

    /** The size thumbnails are decoded at. */
    public static double thumbWidth() {
        return THUMB_WIDTH * 2;
    }

    public static double thumbHeight() {
        return THUMB_HEIGHT * 2;
    }

    private final class ThumbnailCell extends ListCell<StoredResult> {
        private final ImageView thumbnail = new ImageView();
        private final Label caption = new Label();
        private final VBox box = new VBox(4, thumbnail, caption);
        /** The thumbnail this cell waits for, and how it is told: dropped when the cell moves on. */
        private StoredResult requested;
        private Runnable whenLoaded;

        ThumbnailCell() {
            box.setAlignment(Pos.CENTER);
            box.setMinHeight(THUMB_HEIGHT + 24);
            thumbnail.setFitWidth(THUMB_WIDTH);
            thumbnail.setFitHeight(THUMB_HEIGHT);
            thumbnail.setPreserveRatio(true);
            thumbnail.getStyleClass().add("thumbnail-image");
            caption.setMaxWidth(THUMB_WIDTH);
            caption.getStyleClass().add("thumbnail-caption");
            getStyleClass().add("thumbnail-cell");
        }

        @Override
        protected void updateItem(StoredResult item, boolean empty) {
            super.updateItem(item, empty);
            if (requested != null && (empty || !requested.equals(item))) {
                // Scrolled away or reused for another result: its thumbnail need not be decoded for this cell.
                thumbnails.cancel(requested, whenLoaded);
                requested = null;
                whenLoaded = null;
            }
            if (empty || item == null) {
                thumbnail.setImage(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (thumbnails == null) {
                thumbnail.setImage(new Image(item.resultFile().toUri().toString(), thumbWidth(), thumbHeight(), true, true, true));
            } else if (!item.equals(requested)) {
                Runnable ready = new Runnable() {
                    @Override
                    public void run() {
                        if (whenLoaded == this) {
                            requested = null;
                            whenLoaded = null;
                        }
                        if (item.equals(getItem())) {
                            thumbnail.setImage(thumbnails.get(item, () -> { }));
                        }
                    }
                };
                Image image = thumbnails.get(item, ready);
                thumbnail.setImage(image);
                if (image == null) {
                    requested = item;
                    whenLoaded = ready;
                }
            }
            caption.setText((item.starred() ? "★ " : "") + (item.parentId() != null ? "↳ " : "")
                    + (item.nsfwContentDetected() ? "⚠ " : "") + item.caption());
            Long seed = item.effectiveSeed();
            setTooltip(new Tooltip(item.prompt() + (seed == null ? "" : "\nseed " + seed)
                    + (item.parentId() == null ? "" : "\nmade from result " + item.parentId())
                    + (item.nsfwContentDetected() ? "\nThe server flagged this output as NSFW and may have blanked it." : "")));
            setGraphic(box);
        }
    }
}
