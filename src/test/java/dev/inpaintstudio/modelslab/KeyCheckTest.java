package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** "Test key": one fetch for a job that cannot exist; the answer tells whether the key is known. */
class KeyCheckTest {
    private static final String KEY = "sk-check-71c2e9a0-do-not-leak";
    private MockWebServer server;
    private ModelsLabClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new ModelsLabClient(server.url("/").toString(), ModelsLabClientTest.fast());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void anInvalidKeyAnswerMeansRejected() throws Exception {
        server.enqueue(json(200, "{\"status\":\"error\",\"message\":\"Invalid Api Key\"}"));
        KeyCheck check = client.checkKey(new ApiKey(KEY));
        assertEquals(KeyCheck.Outcome.REJECTED, check.outcome());
        assertFalse(check.message().contains(KEY));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", request.getMethod());
        assertEquals("/api/v6/images/fetch/0", request.getPath(), "a fetch, which generates nothing");
        assertFalse(request.getPath().contains(KEY), "the key is never in the address");
        JsonNode body = new ObjectMapper().readTree(request.getBody().readUtf8());
        assertEquals(KEY, body.get("key").asText());
        assertEquals(1, server.getRequestCount(), "one call, no retries");
    }

    @Test
    void aRejectionByHttpStatusAloneMeansRejectedToo() {
        server.enqueue(json(401, "{\"message\":\"Unauthorized\"}"));
        assertEquals(KeyCheck.Outcome.REJECTED, client.checkKey(new ApiKey(KEY)).outcome());
    }

    @Test
    void anyOtherModelsLabAnswerMeansTheKeyWasAccepted() {
        server.enqueue(json(200, "{\"status\":\"error\",\"message\":\"Request not found\"}"));
        KeyCheck check = client.checkKey(new ApiKey(KEY));
        assertTrue(check.accepted(), check.message());
        assertTrue(check.message().startsWith("The key was accepted by"));

        server.enqueue(json(200, "{\"status\":\"failed\",\"id\":\"\",\"message\":\"Failed, Try Again\",\"output\":\"\"}"));
        assertTrue(client.checkKey(new ApiKey(KEY)).accepted());

        server.enqueue(json(402, "{\"status\":\"error\",\"message\":\"Insufficient credits\"}"));
        KeyCheck broke = client.checkKey(new ApiKey(KEY));
        assertTrue(broke.accepted());
        assertTrue(broke.message().contains("no credits"), broke.message());
    }

    @Test
    void noVerdictWhenTheServerIsDownBusyOrNotModelsLab() throws IOException {
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));
        assertEquals(KeyCheck.Outcome.UNKNOWN, client.checkKey(new ApiKey(KEY)).outcome());
        server.enqueue(json(429, "{\"status\":\"error\",\"message\":\"Rate limit exceeded\"}"));
        assertEquals(KeyCheck.Outcome.UNKNOWN, client.checkKey(new ApiKey(KEY)).outcome());
        server.enqueue(new MockResponse().setResponseCode(200).setBody("Parking page"));
        assertEquals(KeyCheck.Outcome.UNKNOWN, client.checkKey(new ApiKey(KEY)).outcome());

        String gone = server.url("/").toString();
        server.shutdown();
        KeyCheck unreachable = new ModelsLabClient(gone, ModelsLabClientTest.fast()).checkKey(new ApiKey(KEY));
        assertEquals(KeyCheck.Outcome.UNKNOWN, unreachable.outcome());
        assertFalse(unreachable.message().contains(KEY));
        server = new MockWebServer();
    }

    @Test
    void aBlankKeyIsRejectedWithoutACall() {
        assertEquals(KeyCheck.Outcome.REJECTED, client.checkKey(new ApiKey("  ")).outcome());
        assertEquals(0, server.getRequestCount());
        assertEquals(KeyCheck.Outcome.UNKNOWN, new ModelsLabClient("ftp://x y").checkKey(new ApiKey(KEY)).outcome());
    }
}
