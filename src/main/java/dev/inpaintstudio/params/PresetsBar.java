package dev.inpaintstudio.params;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.Optional;

/**
 * Presets above the form: a list to load one from, and a menu to save, rename, delete, import,
 * export and reset. {@link #menuItems()} gives the same actions for a menu bar. The files are
 * handled by {@link PresetsViewModel}, off the UI thread.
 */
public final class PresetsBar extends VBox {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final PresetsViewModel vm;
    private final ComboBox<String> list = new ComboBox<>();
    /** What the chooser showed before its latest change (set by the artist or by the view model). */
    private String shownBefore;

    public PresetsBar(PresetsViewModel vm) {
        super(4);
        this.vm = vm;
        getStyleClass().add("presets-bar");
        list.setId("presets");
        list.setItems(vm.names());
        list.setPromptText("Load a preset…");
        list.setMaxWidth(Double.MAX_VALUE);
        list.setTooltip(new Tooltip("Load a saved preset"));
        HBox.setHgrow(list, Priority.ALWAYS);
        vm.selectedProperty().addListener((obs, o, n) -> {
            shownBefore = n;
            if (n == null) {
                list.getSelectionModel().clearSelection();
                list.setValue(null);
            } else if (!n.equals(list.getValue())) {
                list.setValue(n);
            }
        });
        list.setOnAction(e -> {
            String name = list.getValue();
            // Following the view model, or the list being refreshed, is no choice: only a new value loads.
            if (name != null && !name.equals(shownBefore)) {
                vm.load(name);
            }
            shownBefore = name;
        });
        // Choosing the preset already shown does not change the value (no action): the click on its
        // cell loads it again, which drops the edits made since.
        list.setCellFactory(view -> new ListCell<>() {
            private boolean wasShown;

            {
                // Only cells of the open list: the cell showing the value on the closed chooser is made
                // by this factory too, and a click on it just opens the list.
                addEventFilter(MouseEvent.MOUSE_PRESSED, e -> wasShown = getScene() != list.getScene()
                        && !isEmpty() && getItem() != null && getItem().equals(list.getValue()));
                addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
                    if (wasShown && !isEmpty() && getItem() != null && getItem().equals(list.getValue())) {
                        vm.load(getItem());
                    }
                    wasShown = false;
                });
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
            }
        });
        list.placeholderProperty().set(new Label("No presets yet: Save as preset… in the menu beside."));

        MenuButton menu = new MenuButton("Presets");
        menu.setId("presetsMenu");
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        menu.getItems().setAll(menuItems());
        HBox row = new HBox(6, list, menu);
        row.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("presetMessage");
        message.getStyleClass().add("preset-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        vm.messageIsErrorProperty().addListener((obs, o, n) -> message.pseudoClassStateChanged(ERROR, n));
        getChildren().addAll(row, message);
    }

    /** New menu items for the preset actions (a menu item can sit in one menu only). */
    public List<MenuItem> menuItems() {
        MenuItem save = item("Save as Preset…", this::saveAs);
        MenuItem rename = item("Rename Preset…", this::rename);
        MenuItem delete = item("Delete Preset", this::delete);
        // They act on the preset the chooser shows, which may not be the one last loaded (a load
        // that failed, or one still being read).
        rename.disableProperty().bind(list.valueProperty().isNull());
        delete.disableProperty().bind(list.valueProperty().isNull());
        MenuItem importFile = item("Import Preset…", this::importFile);
        MenuItem exportFile = item("Export Parameters…", this::exportFile);
        MenuItem reset = item("Reset to Defaults", vm::resetToDefaults);
        return List.of(save, rename, delete, new SeparatorMenuItem(), importFile, exportFile, new SeparatorMenuItem(), reset);
    }

    private void saveAs() {
        String suggestion = vm.selectedProperty().get() == null ? "" : vm.selectedProperty().get();
        askName("Save Preset", "Save the current parameters as a preset (the API key is never saved in it).", suggestion)
                .ifPresent(name -> {
                    if (vm.exists(name) && !confirm("Replace the preset \"" + name + "\"?")) {
                        return;
                    }
                    vm.save(name);
                });
    }

    /** The preset shown in the chooser, or null. */
    String shownPreset() {
        return list.getValue();
    }

    private void rename() {
        String from = shownPreset();
        if (from == null) {
            return;
        }
        askName("Rename Preset", "New name for \"" + from + "\":", from).ifPresent(to -> vm.rename(from, to));
    }

    private void delete() {
        String name = shownPreset();
        if (name != null && confirm("Delete the preset \"" + name + "\"?")) {
            vm.delete(name);
        }
    }

    private void importFile() {
        FileChooser chooser = chooser("Import Preset");
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            vm.importFrom(file.toPath());
        }
    }

    private void exportFile() {
        FileChooser chooser = chooser("Export Parameters");
        String name = vm.selectedProperty().get();
        chooser.setInitialFileName((name == null ? "inpaint-parameters" : name) + PresetStore.EXTENSION);
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            File target = file.getName().endsWith(PresetStore.EXTENSION) ? file
                    : new File(file.getParentFile(), file.getName() + PresetStore.EXTENSION);
            vm.exportTo(target.toPath());
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Inpaint Studio preset", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser;
    }

    private Optional<String> askName(String title, String header, String suggestion) {
        TextInputDialog dialog = new TextInputDialog(suggestion);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setContentText("Name:");
        style(dialog);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(Bindings.createBooleanBinding(() -> dialog.getEditor().getText().isBlank(), dialog.getEditor().textProperty()));
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(null);
        style(alert);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private void style(Dialog<?> dialog) {
        Window owner = window();
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
