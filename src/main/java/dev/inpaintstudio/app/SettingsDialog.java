package dev.inpaintstudio.app;

import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.KeyCheck;
import dev.inpaintstudio.settings.Settings;
import dev.inpaintstudio.settings.Settings.Theme;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;

/** Edit ▸ Settings…: the server and key, defaults, and the app's budgets. OK applies, Cancel forgets. */
final class SettingsDialog extends Dialog<ButtonType> {
    private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    SettingsDialog(SettingsViewModel vm, Window owner, Theme theme) {
        setTitle("Settings");
        setHeaderText(null);
        if (owner != null) {
            initOwner(owner);
        }
        Themes.apply(getDialogPane(), theme);
        getDialogPane().getStyleClass().add("settings-dialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(vm.validProperty().not());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12, 14, 6, 14));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(140);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setPrefWidth(380);
        grid.getColumnConstraints().setAll(labels, values);
        int row = 0;

        grid.add(heading("ModelsLab"), 0, row++, 2, 1);
        TextField baseUrl = new TextField();
        baseUrl.setId("settingsBaseUrl");
        baseUrl.textProperty().bindBidirectional(vm.baseUrlProperty());
        baseUrl.setPromptText(Settings.DEFAULT_BASE_URL);
        grid.addRow(row++, label("Server address"), withNote(baseUrl,
                "Default " + Settings.DEFAULT_BASE_URL + "; a gateway or a local test server can stand in."));

        PasswordField key = new PasswordField();
        key.setId("settingsApiKey");
        key.setPromptText("Your ModelsLab API key");
        key.textProperty().bindBidirectional(vm.apiKeyProperty());
        HBox.setHgrow(key, Priority.ALWAYS);
        Button test = new Button("Test key");
        test.setId("testKey");
        test.setTooltip(new Tooltip("One authenticated call that generates nothing and costs nothing."));
        test.disableProperty().bind(vm.checkingKeyProperty().or(vm.apiKeyProperty().isEmpty()));
        test.setOnAction(e -> vm.testKey());
        Label result = new Label();
        result.setId("keyCheckResult");
        result.setWrapText(true);
        result.setPrefWidth(380);
        result.setMinHeight(Label.USE_PREF_SIZE);
        result.getStyleClass().add("key-check");
        result.textProperty().bind(vm.keyCheckMessageProperty());
        result.visibleProperty().bind(vm.keyCheckMessageProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        vm.keyCheckOutcomeProperty().addListener((obs, o, n) -> {
            result.pseudoClassStateChanged(GOOD, n == KeyCheck.Outcome.ACCEPTED);
            result.pseudoClassStateChanged(BAD, n == KeyCheck.Outcome.REJECTED);
        });
        HBox keyRow = new HBox(8, key, test);
        keyRow.setAlignment(Pos.CENTER_LEFT);
        VBox keyBox = new VBox(4, keyRow, result, note("Kept apart from settings and presets, in a file only you can read."));
        grid.addRow(row++, label("API key"), keyBox);

        grid.add(heading("Defaults"), 0, row++, 2, 1);
        ComboBox<Endpoint> endpoint = new ComboBox<>();
        endpoint.setId("settingsDefaultEndpoint");
        endpoint.getItems().setAll(Endpoint.values());
        endpoint.setConverter(converter(Endpoint::displayName));
        endpoint.valueProperty().bindBidirectional(vm.defaultEndpointProperty());
        grid.addRow(row++, label("Endpoint"), withNote(endpoint, "Used on a fresh start and by Reset to Defaults; otherwise the app starts on the endpoint last used."));

        ComboBox<PictureEncoding> encoding = new ComboBox<>();
        encoding.setId("settingsPictureEncoding");
        encoding.getItems().setAll(PictureEncoding.values());
        encoding.setConverter(converter(e -> e == PictureEncoding.JPEG ? "JPEG (smaller, faster upload)" : "PNG (lossless)"));
        encoding.valueProperty().bindBidirectional(vm.pictureEncodingProperty());
        grid.addRow(row++, label("Picture upload"), withNote(encoding, "The mask is always sent as PNG."));

        CheckBox whole = new CheckBox("Send the whole picture");
        whole.setId("settingsWholeImage");
        whole.selectedProperty().bindBidirectional(vm.wholeImageProperty());
        grid.addRow(row++, label("What is sent"), withNote(whole,
                "Off: only a crop around the mask, at the best size the endpoint takes; the result goes back at full resolution."));

        Spinner<Integer> padding = new Spinner<>(0, Settings.MAX_CROP_PADDING, vm.cropPaddingProperty().get(), 8);
        padding.setId("settingsCropPadding");
        padding.setEditable(true);
        padding.setPrefWidth(120);
        padding.disableProperty().bind(vm.wholeImageProperty());
        padding.valueProperty().addListener((obs, o, n) -> vm.cropPaddingProperty().set(n));
        grid.addRow(row++, label("Context padding (px)"), withNote(padding, "Picture kept around the mask so the model sees its surroundings."));

        Spinner<Integer> feather = new Spinner<>(0, Settings.MAX_FEATHER, vm.featherPixelsProperty().get(), 1);
        feather.setId("settingsFeather");
        feather.setEditable(true);
        feather.setPrefWidth(120);
        feather.valueProperty().addListener((obs, o, n) -> vm.featherPixelsProperty().set(n));
        grid.addRow(row++, label("Feather (px)"), withNote(feather, "Softens the mask edge when the result is pasted back; pixels beyond it stay identical."));

        CheckBox match = new CheckBox("Match colours around the mask");
        match.setId("settingsColorMatch");
        match.selectedProperty().bindBidirectional(vm.colorMatchProperty());
        grid.addRow(row++, label("Seams"), withNote(match, "Corrects a colour drift of the result from the context around the mask."));

        grid.add(heading("This computer"), 0, row++, 2, 1);
        TextField folder = new TextField();
        folder.setId("settingsOutputFolder");
        folder.setPromptText("the app's data folder");
        folder.textProperty().bindBidirectional(vm.outputFolderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Output Folder");
            File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (dir != null) {
                vm.outputFolderProperty().set(dir.getAbsolutePath());
            }
        });
        HBox folderRow = new HBox(8, folder, choose);
        grid.addRow(row++, label("Output folder"), withNote(folderRow, "Where results are stored. Applies at the next start."));

        Spinner<Integer> undo = new Spinner<>(Settings.MIN_UNDO_BUDGET_MB, Settings.MAX_UNDO_BUDGET_MB,
                vm.undoBudgetMegabytesProperty().get(), 64);
        undo.setId("settingsUndoBudget");
        undo.setEditable(true);
        undo.setPrefWidth(120);
        undo.valueProperty().addListener((obs, o, n) -> vm.undoBudgetMegabytesProperty().set(n));
        grid.addRow(row++, label("Undo memory (MB)"), withNote(undo, "Per picture; applies to the open one too. Past it the oldest steps go."));

        Spinner<Integer> jobs = new Spinner<>(Settings.MIN_CONCURRENCY, Settings.MAX_CONCURRENCY,
                vm.concurrencyProperty().get());
        jobs.setId("settingsConcurrency");
        jobs.setEditable(true);
        jobs.setPrefWidth(120);
        jobs.valueProperty().addListener((obs, o, n) -> vm.concurrencyProperty().set(n));
        grid.addRow(row++, label("Parallel jobs"), withNote(jobs, "Generations that may run at once; the rest wait in the Jobs panel."));

        ComboBox<Theme> themes = new ComboBox<>();
        themes.setId("settingsTheme");
        themes.getItems().setAll(Theme.values());
        themes.setConverter(converter(Theme::label));
        themes.valueProperty().bindBidirectional(vm.themeProperty());
        grid.addRow(row++, label("Theme"), themes);

        Label problems = new Label();
        problems.setId("settingsProblems");
        problems.getStyleClass().add("field-error");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join(" ", vm.problemsProperty().get()),
                vm.problemsProperty()));
        grid.add(problems, 0, row, 2, 1);

        getDialogPane().setContent(grid);
        // A key check's answer or a problem adds lines: grow the window so OK and Cancel stay in view.
        result.textProperty().addListener((obs, o, n) -> javafx.application.Platform.runLater(this::fitWindow));
        problems.textProperty().addListener((obs, o, n) -> javafx.application.Platform.runLater(this::fitWindow));
        setResultConverter(button -> {
            if (button == ButtonType.OK) {
                vm.apply();
            }
            return button;
        });
    }

    private void fitWindow() {
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-header");
        return label;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.getStyleClass().add("field-hint");
        note.setWrapText(true);
        note.setPrefWidth(380);
        note.setMinHeight(Label.USE_PREF_SIZE);
        return note;
    }

    private static VBox withNote(Node control, String text) {
        return new VBox(3, control, note(text));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
