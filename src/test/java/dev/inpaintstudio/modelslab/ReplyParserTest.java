package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyParserTest {
    private final ReplyParser parser = new ReplyParser(new ObjectMapper());

    private ServerReply parse(int code, String body) {
        return parser.parse(code, body.getBytes(StandardCharsets.UTF_8), null);
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "12345          | 12345",
            "'\"12345\"'    | 12345",
            "'\" 77 \"'     | 77",
            "'\"\"'         | ''",
            "null           | ''",
            "1.0E5          | 100000",
            "98765432109876 | 98765432109876"})
    void idIsAlwaysText(String idJson, String expected) {
        assertEquals(expected, parse(200, "{\"status\":\"processing\",\"id\":" + idJson + "}").id());
    }

    @Test
    void outputMayBeAnArrayAStringOrEmpty() {
        assertEquals(List.of("a", "b"), parse(200, "{\"status\":\"success\",\"output\":[\"a\",\"\",\"b\"]}").output());
        assertEquals(List.of("a"), parse(200, "{\"status\":\"success\",\"output\":\"a\"}").output());
        assertEquals(List.of(), parse(200, "{\"status\":\"processing\",\"output\":\"\"}").output());
        assertEquals(List.of(), parse(200, "{\"status\":\"processing\",\"output\":[]}").output());
        assertEquals(List.of("u"), parse(200, "{\"status\":\"success\",\"output_url\":\"u\"}").output());
    }

    @Test
    void processingFieldsAndTheMisspelledMessage() {
        ServerReply r = parse(200, "{\"status\":\"processing\",\"eta\":\"12.5\",\"messege\":\"Try later\","
                + "\"fetch_result\":\"https://x/fetch/1\",\"future_links\":[\"https://x/1.png\"],\"id\":1}");
        assertEquals(ServerReply.Status.PROCESSING, r.status());
        assertEquals(12.5, r.etaSeconds());
        assertEquals("Try later", r.message());
        assertEquals("https://x/fetch/1", r.fetchUrl());
        assertEquals(List.of("https://x/1.png"), r.futureLinks());
    }

    @Test
    void objectMessageBecomesFieldErrorsAndASentence() {
        ServerReply r = parse(400, "{\"status\":\"error\",\"message\":{\"width\":[\"too big\"],\"prompt\":\"required\"}}");
        assertEquals(ServerReply.Status.ERROR, r.status());
        assertEquals(Map.of("width", List.of("too big"), "prompt", List.of("required")), r.fieldErrors());
        assertEquals("width: too big; prompt: required", r.message());
    }

    @Test
    void statusIsReadWhateverTheHttpCodeAndCase() {
        assertEquals(ServerReply.Status.SUCCESS, parse(500, "{\"status\":\"Success\",\"output\":[\"a\"]}").status());
        assertEquals(ServerReply.Status.FAILED, parse(200, "{\"status\":\"failed\"}").status());
        assertEquals(ServerReply.Status.ERROR, parse(200, "{\"message\":\"Unauthenticated.\"}").status());
        assertEquals(ServerReply.Status.UNKNOWN, parse(200, "{\"status\":\"odd\"}").status());
        assertEquals(ServerReply.Status.NOT_JSON, parse(502, "<html><title>502 Bad Gateway</title></html>").status());
        assertEquals(ServerReply.Status.NOT_JSON, parse(200, "").status());
        assertEquals(ServerReply.Status.NOT_JSON, parse(200, "[1,2]").status());
    }

    @Test
    void nonJsonKeepsReadableTextOfThePage() {
        ServerReply r = parse(502, "<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502</h1></body></html>");
        assertEquals("502 Bad Gateway 502", r.snippet());
    }

    @Test
    void retryAfterFromTheBodyOrElseTheHeader() {
        assertEquals(7.0, parse(429, "{\"status\":\"error\",\"retry_after\":7}").retryAfterSeconds());
        assertEquals(3.0, parser.parse(429, "{\"status\":\"error\"}".getBytes(), "3").retryAfterSeconds());
        assertNull(parse(429, "{\"status\":\"error\"}").retryAfterSeconds());
    }

    @Test
    void nsfwFlagInItsSeveralShapes() {
        assertTrue(parse(200, "{\"status\":\"success\",\"nsfw_content_detected\":true}").nsfw());
        assertTrue(parse(200, "{\"status\":\"success\",\"nsfw_content_detected\":\"yes\"}").nsfw());
        assertTrue(parse(200, "{\"status\":\"success\",\"nsfw_content_detected\":[false,true]}").nsfw());
        assertFalse(parse(200, "{\"status\":\"success\",\"nsfw_content_detected\":[false]}").nsfw());
        assertFalse(parse(200, "{\"status\":\"success\"}").nsfw());
    }

    @Test
    void metaLosesTheKeyAndLongStrings() {
        ServerReply r = parse(200, "{\"status\":\"success\",\"generationTime\":\"2.5\",\"meta\":{\"key\":\"k\",\"seed\":3,"
                + "\"init_image\":\"" + "x".repeat(ReplyParser.META_STRING_LIMIT + 1) + "\",\"nested\":[{\"mask\":\""
                + "y".repeat(ReplyParser.META_STRING_LIMIT + 1) + "\"}]}}");
        assertEquals(2.5, r.generationTime());
        assertFalse(r.metaJson().contains("\"key\""), r.metaJson());
        assertTrue(r.metaJson().contains("\"seed\":3"));
        assertTrue(r.metaJson().length() < 300, r.metaJson());
        assertEquals("{}", parse(200, "{\"status\":\"success\"}").metaJson());
    }
}
