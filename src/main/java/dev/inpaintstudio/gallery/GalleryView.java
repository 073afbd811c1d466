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

/** A strip of result thumbnails, newest first. Thumbnails load in the background, never on the UI thread. */
public final class GalleryView extends ListView<StoredResult> {
    static final double THUMB_WIDTH = 150;
    static final double THUMB_HEIGHT = 100;

    public GalleryView(ObservableList<StoredResult> results) {
        super(results);
        getStyleClass().add("gallery");
        setOrientation(Orientation.HORIZONTAL);
        setPrefHeight(THUMB_HEIGHT + 48);
        setMinHeight(THUMB_HEIGHT + 48);
        setPlaceholder(new Label("Results appear here. Paint a mask, then Generate (Ctrl+Enter)."));
        setCellFactory(list -> new ThumbnailCell());
    }

    private static final class ThumbnailCell extends ListCell<StoredResult> {
        private final ImageView thumbnail = new ImageView();
        private final Label caption = new Label();
        private final VBox box = new VBox(4, thumbnail, caption);

        ThumbnailCell() {
            box.setAlignment(Pos.CENTER);
            thumbnail.setFitWidth(THUMB_WIDTH);
            thumbnail.setFitHeight(THUMB_HEIGHT);
            thumbnail.setPreserveRatio(true);
            caption.setMaxWidth(THUMB_WIDTH);
            caption.getStyleClass().add("thumbnail-caption");
            getStyleClass().add("thumbnail-cell");
        }

        @Override
        protected void updateItem(StoredResult item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                thumbnail.setImage(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            thumbnail.setImage(new Image(item.resultFile().toUri().toString(), THUMB_WIDTH * 2, THUMB_HEIGHT * 2, true, true, true));
            caption.setText((item.nsfwContentDetected() ? "⚠ " : "") + item.caption());
            setTooltip(new Tooltip(item.prompt() + (item.seed() == null ? "" : "\nseed " + item.seed())
                    + (item.nsfwContentDetected() ? "\nThe server flagged this output as NSFW and may have blanked it." : "")));
            setGraphic(box);
        }
    }
}
