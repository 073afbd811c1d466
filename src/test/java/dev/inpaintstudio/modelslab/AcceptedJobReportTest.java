package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.inpaintstudio.modelslab.ModelsLabClientTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** The client names the server's job (id and fetch link) as soon as it is accepted, before the first poll. */
class AcceptedJobReportTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Progress recorder = new Progress() {
        @Override
        public void report(Stage stage, double fraction, String detail) {
            events.add(stage.name());
        }

        @Override
        public void accepted(String serverId, String fetchUrl) {
            events.add("accepted " + serverId + " " + fetchUrl);
        }
    };
    private MockWebServer server;
    private ModelsLabClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new ModelsLabClient(server.url("/").toString(), fast());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void aProcessingJobIsReportedWithItsIdAndLinkBeforePolling() throws Exception {
        String fetch = server.url("/api/v6/images/fetch/4242").toString();
        server.enqueue(json(200, "{\"status\":\"processing\",\"eta\":0.01,\"id\":4242,\"fetch_result\":\"" + fetch
                + "\",\"output\":[]}"));
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":4242,\"output\":[\""
                + server.url("/g/1.png") + "\"]}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody(new okio.Buffer().write(OUT)));

        client.inpaint(request(1L, "", 1), new ApiKey(KEY), recorder, CancellationToken.none());

        int accepted = events.indexOf("accepted 4242 " + fetch);
        assertTrue(accepted >= 0, events.toString());
        assertEquals(1, events.stream().filter(e -> e.startsWith("accepted")).count(), "reported once");
        assertTrue(events.indexOf("QUEUED") > accepted, "before the first poll: " + events);
    }

    @Test
    void anImmediateSuccessIsReportedTooAndAnErrorIsNot() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":\"77\",\"output\":[\"" + server.url("/g/2.png") + "\"]}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody(new okio.Buffer().write(OUT)));
        client.inpaint(request(1L, "", 1), new ApiKey(KEY), recorder, CancellationToken.none());
        assertTrue(events.contains("accepted 77 "), events.toString());

        events.clear();
        server.enqueue(json(401, "{\"status\":\"error\",\"message\":\"Invalid Api Key\"}"));
        assertThrows(ModelsLabException.class,
                () -> client.inpaint(request(1L, "", 1), new ApiKey(KEY), recorder, CancellationToken.none()));
        assertTrue(events.stream().noneMatch(e -> e.startsWith("accepted")), events.toString());
    }
}
