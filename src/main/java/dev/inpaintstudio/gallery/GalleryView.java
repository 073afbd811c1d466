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
        /** The thumbnail this cell waits for: its request is withdrawn when the cell moves on. */
        private StoredResult requested;
        /** One callback per cell: withdrawing it by identity drops exactly this cell's wait. */
        private final Runnable whenLoaded = () -> {
            StoredResult loaded = requested;
            requested = null;
            if (loaded != null && loaded.equals(getItem())) {
                thumbnail.setImage(thumbnails.get(loaded, () -> { }));
            }
        };

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
                Image image = thumbnails.get(item, whenLoaded);
                thumbnail.setImage(image);
                requested = image == null ? item : null;
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
