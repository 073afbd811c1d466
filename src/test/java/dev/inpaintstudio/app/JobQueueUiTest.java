package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.jobs.JobState;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.task.Progress;
import dev.inpaintstudio.testserver.FakeModelsLabServer;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The jobs panel as the artist uses it: several jobs at once, Cancel one, Retry it, retry a failed one. */
class JobQueueUiTest extends ApplicationTest {
    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger submits = new AtomicInteger();
    /** Jobs stay "processing" this long: long enough to cancel one while the server has it. */
    private volatile FakeModelsLabServer fake = new FakeModelsLabServer(Duration.ofSeconds(3));
    private AppContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (String.valueOf(request.getPath()).endsWith("/inpaint")) {
                    submits.incrementAndGet();
                }
                return fake.dispatch(request);
            }
        });
        server.start();
        context = AppWindowSetup.context(AppPaths.under(home));
        window = context.window();
        AppWindowSetup.useServer(context, server, "queue-test-key", "a lighthouse");
        AppWindowSetup.show(stage, context);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
        server.shutdown();
    }

    private void openPaintedPicture() throws Exception {
        Path picture = home.resolve("picture.png");
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", picture.toFile());
        Document doc = window.open(picture).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> doc.mask().dab(200, 150, 60, false));
    }

    private JobsViewModel jobs() {
        return context.jobs();
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private JobState state(int index) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> jobs().items().get(index).status().state()).get();
    }

    @Test
    void twoJobsRunAtOnceAndOneIsCancelledThenRetriedFromThePanel() throws Exception {
        openPaintedPicture();
        clickOn("#generate");
        clickOn("#generate");
        waitUntil(() -> jobs().items().size() == 2 && jobs().items().stream().allMatch(i ->
                i.status().stage() == Progress.Stage.QUEUED && i.status().serverId() != null));
        assertTrue(lookup(".job-stage").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("Queued on server")),
                "the panel shows the stage");
        assertTrue(lookup(".job-detail").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().contains("s left")),
                "and the server's ETA");
        String first = jobs().items().get(0).id();

        clickOn("#job-cancel-" + first);
        waitUntil(() -> jobs().items().get(0).status().state() == JobState.CANCELLED);
        assertEquals(JobState.RUNNING, state(1), "the other one runs on");
        assertTrue(lookup("#job-retry-" + first).query().isVisible());

        clickOn("#job-retry-" + first);
        waitUntil(() -> jobs().items().stream().allMatch(i -> i.status().state() == JobState.DONE));
        waitUntil(() -> window.gallery().getItems().size() == 2);
        assertEquals(3, submits.get(), "two jobs, and the cancelled one sent again on Retry");
        assertEquals(0, context.jobs().activeProperty().get());

        clickOn("#clearFinishedJobs");
        waitUntil(() -> jobs().items().isEmpty());
    }

    @Test
    void aJobCancelledAfterTheServerTookItIsCollectedOnCheckAgainNotSentAgain() throws Exception {
        openPaintedPicture();
        clickOn("#generate");
        clickOn("#generate");
        waitUntil(() -> jobs().items().size() == 2 && jobs().items().stream().allMatch(i ->
                i.status().stage() == Progress.Stage.QUEUED && i.status().serverId() != null));
        String first = jobs().items().get(0).id();
        String warning = WaitForAsyncUtils.asyncFx(context.session()::closeWarning).get();
        assertTrue(warning.contains("2 jobs are still under way. At the next start, the 2 that the server has are collected."),
                "closing says what the next start does with them: " + warning);

        clickOn("#job-cancel-" + first);
        waitUntil(() -> jobs().items().get(0).status().state() == JobState.CANCELLED);
        assertTrue(lookup("#job-check-" + first).query().isVisible(), "Check again is offered");
        assertEquals("Send again", lookup("#job-retry-" + first).queryButton().getText(),
                "and sending it anew says so");

        clickOn("#job-check-" + first);
        waitUntil(() -> jobs().items().stream().allMatch(i -> i.status().state() == JobState.DONE));
        waitUntil(() -> window.gallery().getItems().size() == 2);
        assertEquals(2, submits.get(), "the cancelled job was collected from the server, not sent (and paid) again");
    }

    @Test
    void aFailedJobIsRetriedWithOneClick() throws Exception {
        fake = new FakeModelsLabServer(Duration.ofSeconds(1));
        openPaintedPicture();
        interact(() -> context.parameters().apiKeyProperty().set(FakeModelsLabServer.BAD_KEY));
        clickOn("#generate");
        waitUntil(() -> jobs().items().size() == 1 && jobs().items().get(0).status().state() == JobState.FAILED);
        assertTrue(jobs().items().get(0).status().message().toLowerCase().contains("key"),
                jobs().items().get(0).status().message());
        assertTrue(lookup(".job-detail").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().toLowerCase().contains("key")), "the reason is shown");
        String id = jobs().items().get(0).id();

        interact(() -> context.parameters().apiKeyProperty().set("queue-test-key"));
        clickOn("#job-retry-" + id);
        waitUntil(() -> state(0) == JobState.DONE);
        waitUntil(() -> window.gallery().getItems().size() == 1);
    }
}
