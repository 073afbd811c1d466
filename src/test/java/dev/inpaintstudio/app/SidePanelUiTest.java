package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.settings.AppPaths;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import dev.inpaintstudio.modelslab.EndpointProfile;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The side panel in the real window: Generate's state and tooltip, endpoint switching, the server's complaints. */
class SidePanelUiTest extends ApplicationTest {
    @TempDir
    static Path home;

    private final MockWebServer server = new MockWebServer();
    private AppContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        server.start();
        context = AppWindowSetup.context(AppPaths.under(home.resolve("h" + System.nanoTime())));
        window = context.window();
        context.parameters().baseUrlProperty().set(server.url("/").toString().replaceAll("/$", ""));
        // These tests are about the ModelsLab form, which the artist picks when no key is set yet.
        context.parameters().chooseBackend(dev.inpaintstudio.params.BackendChoice.MODELSLAB);
        AppWindowSetup.show(stage, context);
    }

    @BeforeEach
    void openPicture() throws Exception {
        Path picture = home.resolve("picture.png");
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", picture.toFile());
        Document doc = window.open(picture).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> doc.mask().fill(255));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.shutdown();
        context.close();
    }

    private Button generate() {
        return lookup("#generate").queryButton();
    }

    private String tooltip() {
        return window.panel().generateTooltipText();
    }

    private void chooseEndpoint(Endpoint endpoint) {
        clickOn("#endpoint");
        clickOn(endpoint.displayName());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(endpoint, context.parameters().endpointProperty().get());
    }

    private void type(ApiField field, String text) {
        TextField entry = lookup("#" + dev.inpaintstudio.params.ParametersView.idOf(field) + " .text-field").queryAs(TextField.class);
        interact(() -> entry.setText(text));
    }

    @Test
    void generateIsDisabledWithATooltipNamingWhatIsWrong() {
        assertEquals("1024 × 768 (the 1600 × 1200 picture scaled to fit 1024, multiples of 8)",
                lookup("#sizeInfo").queryAs(Label.class).getText(), "the size sent, and why");
        assertTrue(generate().isDisabled());
        assertTrue(tooltip().contains("No API key is set"), tooltip());
        assertTrue(tooltip().contains("Model id is required for v6 images."), tooltip());

        interact(() -> context.parameters().apiKeyProperty().set("ui-key-3f1e"));
        interact(() -> context.parameters().modelIdProperty().set("test-model"));
        assertFalse(generate().isDisabled(), tooltip());
        assertEquals("Repaint the masked area (Ctrl+Enter)", tooltip());

        type(ApiField.GUIDANCE_SCALE, "25");
        assertTrue(generate().isDisabled());
        assertEquals("Cannot generate yet:\n• Guidance scale must be between 1 and 20.", tooltip());
        assertEquals("Guidance scale must be between 1 and 20.", lookup("#status").queryAs(Label.class).getText(),
                "the reason also stands below the button");
        type(ApiField.GUIDANCE_SCALE, "9");
        assertFalse(generate().isDisabled());

        // 50 steps are fine on v6, not on pony (21, 31, 41); v3 needs no model id.
        type(ApiField.STEPS, "50");
        chooseEndpoint(Endpoint.ENTERPRISE_PONY);
        assertTrue(generate().isDisabled());
        assertTrue(tooltip().contains("Steps must be one of 21, 31, 41 for enterprise pony."), tooltip());
        interact(() -> context.parameters().textProperty(ApiField.STEPS).set("41"));
        assertFalse(generate().isDisabled());

        interact(() -> context.parameters().modelIdProperty().set(""));
        assertTrue(generate().isDisabled());
        chooseEndpoint(Endpoint.V3);
        assertFalse(generate().isDisabled(), "v3 has a fixed model: " + tooltip());
    }

    @Test
    void theServersValidationErrorsAppearAtTheirFields() throws Exception {
        interact(() -> {
            context.parameters().apiKeyProperty().set("ui-key-3f1e");
            context.parameters().modelIdProperty().set("test-model");
        });
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
                "{\"status\":\"error\",\"message\":{\"guidance_scale\":[\"The guidance scale must be at most 15.\"],"
                        + "\"init_image\":[\"The init image is invalid.\"]}}"));
        clickOn("#generate");
        Label error = lookup("#guidanceScaleError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> error.isVisible());
        assertEquals("Guidance scale (ModelsLab): The guidance scale must be at most 15.", error.getText());
        Label status = lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains("rejected some settings"), status.getText());
        assertEquals("/api/v6/images/inpaint", server.takeRequest(5, TimeUnit.SECONDS).getPath());
        assertFalse(generate().isDisabled(), "a retry is allowed");
        type(ApiField.GUIDANCE_SCALE, "10");
        assertFalse(error.isVisible(), "editing the field clears the complaint");
    }

    @Test
    void theSeedOfTheSelectedResultCanBeReused() {
        Node reuse = lookup("#reuseSeed").query();
        assertTrue(reuse.isDisabled(), "nothing selected");
        Path picture = home.resolve("picture.png");
        StoredResult result = new StoredResult("r/result-1.png", picture, picture, Instant.now(), "a cat", 4242L,
                false, 1600, 1200);
        interact(() -> {
            context.generation().results().add(result);
            window.gallery().getSelectionModel().select(result);
        });
        assertFalse(reuse.isDisabled());
        interact(() -> ((Button) reuse).fire());
        assertEquals("4242", context.parameters().seedProperty().get());
        assertFalse(context.parameters().randomSeedProperty().get());
    }

    @Test
    void samplesOutOfRangeAreNamedAtTheFieldLikeAnyOtherNumber() {
        interact(() -> {
            context.parameters().apiKeyProperty().set("ui-key-3f1e");
            context.parameters().modelIdProperty().set("test-model");
        });
        assertFalse(generate().isDisabled(), tooltip());
        TextField samples = lookup("#samples .text-field").queryAs(TextField.class);
        interact(() -> {
            samples.clear();
            samples.requestFocus();
        });
        write("5");
        // Enter and leaving the field commit it: the value must not be moved into range unseen.
        type(javafx.scene.input.KeyCode.ENTER);
        type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(samples.isFocused(), "focus moved on");
        assertEquals("5", samples.getText(), "the typed value stays as typed");
        assertEquals("5", context.parameters().textProperty(ApiField.SAMPLES).get());
        Label error = lookup("#samplesError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("Samples must be between 1 and 4"), error.getText());
        assertTrue(generate().isDisabled());
        assertTrue(tooltip().contains("Samples must be between 1 and 4"), tooltip());

        interact(() -> samples.setText("4"));
        assertFalse(error.isVisible());
        assertFalse(generate().isDisabled(), tooltip());
    }

    @Test
    void theSchedulerListIsTheEndpointsOwn() {
        @SuppressWarnings("unchecked")
        ComboBox<String> scheduler = lookup("#scheduler").queryAs(ComboBox.class);
        for (Endpoint e : List.of(Endpoint.V4_DREAMBOOTH, Endpoint.ENTERPRISE_PONY, Endpoint.V6_IMAGES, Endpoint.ENTERPRISE)) {
            chooseEndpoint(e);
            List<String> expected = e == Endpoint.ENTERPRISE_PONY ? EndpointProfile.PONY_SCHEDULERS : EndpointProfile.SCHEDULERS;
            assertEquals(e == Endpoint.ENTERPRISE_PONY ? 15 : 18, expected.size());
            assertEquals("", scheduler.getItems().get(0), "first: leave it to the server");
            assertEquals(expected, scheduler.getItems().subList(1, scheduler.getItems().size()), e.displayName());
        }
        chooseEndpoint(Endpoint.V3);
        assertFalse(scheduler.getParent().isVisible(), "v3 has no scheduler");
    }

    @Test
    void choicesSurviveAVisitToAnEndpointThatLacksThem() {
        @SuppressWarnings("unchecked")
        ComboBox<String> scheduler = lookup("#scheduler").queryAs(ComboBox.class);
        TextField steps = lookup("#steps .number-field .text-field").queryAs(TextField.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> allowedSteps = lookup("#steps .combo-box").queryAs(ComboBox.class);
        chooseEndpoint(Endpoint.V4_DREAMBOOTH);
        // Values pony does not take: a scheduler missing from its list, and steps outside 21/31/41.
        interact(() -> scheduler.getSelectionModel().select("KarrasVeScheduler"));
        interact(() -> steps.setText("37"));
        assertEquals("KarrasVeScheduler", context.parameters().textProperty(ApiField.SCHEDULER).get());
        assertEquals("37", context.parameters().textProperty(ApiField.STEPS).get());

        chooseEndpoint(Endpoint.ENTERPRISE_PONY);
        assertEquals("KarrasVeScheduler", context.parameters().textProperty(ApiField.SCHEDULER).get(), "kept while away");
        assertEquals("37", context.parameters().textProperty(ApiField.STEPS).get());
        assertEquals("37", allowedSteps.getValue(), "shown as it is, and named as a problem");
        assertTrue(lookup("#stepsError").queryAs(Label.class).getText().contains("21, 31, 41"),
                lookup("#stepsError").queryAs(Label.class).getText());

        chooseEndpoint(Endpoint.V4_DREAMBOOTH);
        assertEquals("KarrasVeScheduler", scheduler.getValue(), "back on v4, the scheduler is the one chosen");
        assertEquals("KarrasVeScheduler", context.parameters().textProperty(ApiField.SCHEDULER).get());
        assertEquals("37", steps.getText(), "and so are the steps");
        assertEquals("37", context.parameters().textProperty(ApiField.STEPS).get());
        assertFalse(lookup("#schedulerError").queryAs(Label.class).isVisible());
        assertFalse(lookup("#stepsError").queryAs(Label.class).isVisible());

        // A value chosen on pony comes back to v4 too.
        chooseEndpoint(Endpoint.ENTERPRISE_PONY);
        interact(() -> allowedSteps.getSelectionModel().select("41"));
        interact(() -> scheduler.getSelectionModel().select("LCMScheduler"));
        chooseEndpoint(Endpoint.V4_DREAMBOOTH);
        assertEquals("41", steps.getText());
        assertEquals("LCMScheduler", scheduler.getValue());
    }

    @Test
    void theTooltipOnGeneratesWrapperNamesTheProblem() throws Exception {
        Node holder = lookup("#generateHolder").query();
        assertTrue(generate().isDisabled());
        moveTo(holder);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTooltip() != null);
        Tooltip shown = shownTooltip();
        assertEquals("generateTooltip", shown.getId());
        assertTrue(shown.getText().contains("No API key is set"), shown.getText());
        assertTrue(shown.getText().contains("Model id is required for v6 images."), shown.getText());
    }

    private static Tooltip shownTooltip() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> (Tooltip) w).findFirst().orElse(null);
    }

    @Test
    void aRefusalOfAnEarlierJobIsShownAtTheFieldsWhileALaterOneRuns() throws Exception {
        interact(() -> {
            context.parameters().apiKeyProperty().set("ui-key-3f1e");
            context.parameters().modelIdProperty().set("test-model");
            context.parameters().promptProperty().set("first job");
        });
        CountDownLatch secondQueued = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String body = request.getBody().clone().readUtf8();
                if (body.contains("first job")) {
                    // Refused only once the second job is at the server.
                    secondQueued.await(20, TimeUnit.SECONDS);
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                            "{\"status\":\"error\",\"message\":{\"guidance_scale\":[\"The guidance scale must be at most 15.\"],"
                                    + "\"init_image\":[\"The init image is invalid.\"]}}");
                }
                secondQueued.countDown();
                release.await(30, TimeUnit.SECONDS);
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"status\":\"error\",\"message\":\"Server busy\"}");
            }
        });
        try {
            clickOn("#generate");
            interact(() -> context.parameters().promptProperty().set("second job"));
            clickOn("#generate");
            Label error = lookup("#guidanceScaleError").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> error.isVisible());
            assertEquals("Guidance scale (ModelsLab): The guidance scale must be at most 15.", error.getText());
            assertEquals(2, context.jobs().items().size());
            assertTrue(context.jobs().items().get(1).status().state().isActive(), "the later job still runs");
            Label status = lookup("#status").queryAs(Label.class);
            assertTrue(context.generation().statusIsErrorProperty().get());
            assertTrue(status.getText().contains("earlier job was refused"), status.getText());
            assertTrue(status.getText().contains("init_image: The init image is invalid."),
                    "what belongs to no field is in the status line: " + status.getText());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRefusalFromAnotherEndpointIsNotPutOnThisOnesFields() throws Exception {
        interact(() -> {
            context.parameters().apiKeyProperty().set("ui-key-3f1e");
            context.parameters().modelIdProperty().set("test-model");
        });
        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                sent.countDown();
                answer.await(20, TimeUnit.SECONDS);
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                        "{\"status\":\"error\",\"message\":{\"guidance_scale\":[\"The guidance scale must be at most 15.\"]}}");
            }
        });
        clickOn("#generate");
        assertTrue(sent.await(20, TimeUnit.SECONDS));
        chooseEndpoint(Endpoint.V4_DREAMBOOTH);
        answer.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !context.generation().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(context.parameters().serverErrors().isEmpty(), "v6's complaint is not shown on v4's fields");
        assertTrue(lookup("#status").queryAs(Label.class).getText().contains("rejected some settings"),
                "the job's own failure is still told");
    }
}
