package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.editor.EditorView;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.settings.AppPaths;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The whole flow as a user drives it: open, paint with the mouse, Generate, see the result before and after. */
class GenerateFlowUiTest extends ApplicationTest {
    private static final String KEY = "ui-test-key-4b7e";
    private static final int ORIGINAL = 0xff3366aa;
    private static final int GENERATED = 0xff22cc44;

    @TempDir
    static Path home;

    private final MockWebServer server = new MockWebServer();
    private AppContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        server.start();
        context = AppWindowSetup.context(AppPaths.under(home));
        AppWindowSetup.pasteBackExactly(context);
        window = context.window();
        AppWindowSetup.useServer(context, server, KEY, "a green field");
        AppWindowSetup.show(stage, context);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.shutdown();
        context.close();
    }

    @Test
    void openPaintGenerateAndCompare() throws Exception {
        Path picture = home.resolve("picture.png");
        ImageIO.write(solid(400, 300, ORIGINAL), "png", picture.toFile());
        window.open(picture).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        EditorView editor = lookup("#editor").queryAs(EditorView.class);
        Document doc = editor.documentProperty().get();
        assertNotNull(doc, "the picture opened");
        assertEquals(400, doc.width());

        // Paint a horizontal stroke across the middle of the picture with the mouse.
        Point2D from = screenPointOfImage(editor, 100, 150);
        Point2D to = screenPointOfImage(editor, 300, 150);
        moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(200, 150), "the stroke covered the middle of its path");
        assertEquals(0, doc.mask().get(200, 40), "far from the stroke stays unmasked");
        assertEquals(1, doc.history().undoCount(), "one stroke, one undo step");

        // Undo and redo from the keyboard.
        press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(200, 150), "Ctrl+Z undid the stroke");
        press(KeyCode.CONTROL).press(KeyCode.Y).release(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(200, 150), "Ctrl+Y redid it");

        String base = server.url("/").toString();
        server.enqueue(json("{\"status\":\"processing\",\"eta\":0.3,\"id\":5151,\"messege\":\"Request processing\","
                + "\"fetch_result\":\"" + base + "api/v6/images/fetch/5151\",\"output\":[],\"future_links\":[]}"));
        server.enqueue(json("{\"status\":\"success\",\"id\":5151,\"generationTime\":1.2,"
                + "\"output\":[\"" + base + "generations/5151.png\"],\"meta\":{\"seed\":77}}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody(png(solid(400, 304, GENERATED))));

        clickOn("#generate");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.gallery().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        RecordedRequest submit = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/api/v6/images/inpaint", submit.getPath());
        String body = submit.getBody().readUtf8();
        String start = body.substring(0, Math.min(400, body.length()));
        assertTrue(body.contains("\"model_id\":\"test-model\""), start);
        assertTrue(body.contains("\"steps\":\"21\"") && body.contains("\"num_inference_steps\":\"21\""),
                "the side panel's steps under both v6 names: " + start);
        assertTrue(body.contains("\"enhance_prompt\":\"no\"") && body.contains("\"base64\":\"yes\""), start);
        assertEquals("/api/v6/images/fetch/5151", server.takeRequest(5, TimeUnit.SECONDS).getPath());
        assertEquals("/generations/5151.png", server.takeRequest(5, TimeUnit.SECONDS).getPath());

        StoredResult result = window.gallery().getItems().get(0);
        assertEquals(result, window.compareView().resultProperty().get(), "the new result is shown in the compare view");
        TabPane centre = lookup("#centre").queryAs(TabPane.class);
        assertEquals(1, centre.getSelectionModel().getSelectedIndex(), "the Before / After tab is in front");
        BufferedImage after = ImageIO.read(result.resultFile().toFile());
        assertEquals(400, after.getWidth());
        assertEquals(300, after.getHeight());
        assertEquals(GENERATED, after.getRGB(200, 150), "masked area repainted");
        assertEquals(ORIGINAL, after.getRGB(200, 20), "unmasked area untouched");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.compareView().afterImage() != null
                && window.compareView().afterImage().getProgress() >= 1);
        assertEquals(400, window.compareView().afterImage().getWidth(), 0.0);

        // Dragging in the compare view moves the divider.
        Point2D centreOfCompare = window.compareView().localToScreen(window.compareView().getWidth() / 2, window.compareView().getHeight() / 2);
        drag(centreOfCompare, MouseButton.PRIMARY).moveBy(-100, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.compareView().dividerProperty().get() < 0.4, "divider moved left: " + window.compareView().dividerProperty().get());
    }

    private static Point2D screenPointOfImage(EditorView editor, double x, double y) {
        return editor.localToScreen(editor.viewport().toViewX(x), editor.viewport().toViewY(y));
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static Buffer png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new Buffer().write(out.toByteArray());
    }

    private static BufferedImage solid(int w, int h, int argb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, argb);
            }
        }
        return img;
    }
}
