package dev.inpaintstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.testserver.FakeModelsLabServer;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The headless command end to end against a local server that speaks the ModelsLab protocol. */
class InpaintCommandTest {
    private static final String KEY = "cli-secret-key-93c1";
    private static final int BACKGROUND = 0xff4080c0;

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Path image;
    private Path mask;

    @BeforeEach
    void files() throws Exception {
        image = dir.resolve("photo.png");
        mask = dir.resolve("mask.png");
        BufferedImage picture = new BufferedImage(1500, 1000, BufferedImage.TYPE_INT_RGB);
        BufferedImage maskImage = new BufferedImage(1500, 1000, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1500; x++) {
                picture.setRGB(x, y, BACKGROUND);
                if (x >= 600 && x < 900 && y >= 400 && y < 600) {
                    maskImage.getRaster().setSample(x, y, 0, 255);
                }
            }
        }
        ImageIO.write(picture, "png", image.toFile());
        ImageIO.write(maskImage, "png", mask.toFile());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private ExitCode run(Map<String, String> env, String... args) {
        InpaintCommand command = new InpaintCommand(env, Optional::empty,
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return command.run(List.of(args));
    }

    private String base() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    @Test
    void writesFullResolutionOutputsWithSidecarsAndNeverTheKey() throws Exception {
        server.setDispatcher(new FakeModelsLabServer(Duration.ofMillis(300)));
        Path out = dir.resolve("out");
        ExitCode code = run(Map.of(InpaintCommand.KEY_VARIABLE, KEY), "--image", image.toString(), "--mask", mask.toString(),
                "--prompt", "a red door", "--out", out.toString(), "--base-url", base(), "--model", "test-model",
                "--samples", "2", "--seed", "1234");
        assertEquals(ExitCode.OK, code, stderr.toString());

        List<Path> pngs;
        try (Stream<Path> files = Files.list(out)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertEquals(2, pngs.size(), "one PNG per sample");
        for (Path png : pngs) {
            BufferedImage result = ImageIO.read(png.toFile());
            assertEquals(1500, result.getWidth(), "full resolution");
            assertEquals(1000, result.getHeight());
            assertEquals(BACKGROUND, result.getRGB(100, 100), "outside the mask untouched");
            assertNotEquals(BACKGROUND, result.getRGB(750, 500), "inside the mask repainted");
            Path sidecar = Path.of(png.toString().replaceAll("\\.png$", ".json"));
            JsonNode json = new ObjectMapper().readTree(sidecar.toFile());
            assertEquals("v6", json.path("endpoint").asText());
            assertEquals("a red door", json.path("sent").path("prompt").asText());
            assertEquals("1234", json.path("sent").path("seed").asText());
            JsonNode crop = json.path("crop");
            int sentW = json.path("sent").path("width").asInt();
            int sentH = json.path("sent").path("height").asInt();
            assertTrue(crop.path("x").asInt() <= 600 - 32 && crop.path("x").asInt() + crop.path("width").asInt() >= 900 + 32, crop.toString());
            assertTrue(crop.path("width").asInt() < 1500, "only the context around the mask is sent: " + crop);
            assertTrue(sentW <= 1024 && sentH <= 1024 && sentW % 8 == 0 && sentH % 8 == 0, sentW + "×" + sentH);
            assertEquals(crop.path("width").asDouble() / crop.path("height").asDouble(), sentW / (double) sentH, 0.02);
            assertFalse(json.path("received").path("id").asText().isEmpty(), "server id recorded");
            assertFalse(Files.readString(sidecar).contains(KEY), "no key in the sidecar");
        }
        RecordedRequestSizes sizes = RecordedRequestSizes.take(server);
        JsonNode crop = new ObjectMapper().readTree(Path.of(pngs.get(0).toString().replaceAll("\\.png$", ".json")).toFile()).path("crop");
        assertEquals(crop.path("width").asDouble() / crop.path("height").asDouble(), sizes.width() / (double) sizes.height(), 0.02);
        assertEquals(sizes.width(), sizes.imageWidth(), "the picture sent has the request's width");
        assertEquals(sizes.height(), sizes.imageHeight());
        assertEquals(sizes.imageWidth(), sizes.maskWidth(), "the mask sent has the picture's size");
        assertEquals(sizes.imageHeight(), sizes.maskHeight());
        String everything = stdout + "\n" + stderr;
        assertFalse(everything.contains(KEY), "no key in the output");
        assertTrue(stderr.toString().contains("Queued"), "progress reported on stderr: " + stderr);
    }

    @Test
    void wholeImageModeSendsThePictureScaledToFit() throws Exception {
        server.setDispatcher(new FakeModelsLabServer(Duration.ofMillis(100)));
        Path out = dir.resolve("whole");
        ExitCode code = run(Map.of(InpaintCommand.KEY_VARIABLE, KEY), "--image", image.toString(), "--mask", mask.toString(),
                "--prompt", "a red door", "--out", out.toString(), "--base-url", base(), "--model", "test-model",
                "--whole-image", "--feather", "0", "--color-match", "no");
        assertEquals(ExitCode.OK, code, stderr.toString());
        RecordedRequestSizes sizes = RecordedRequestSizes.take(server);
        assertEquals(1024, sizes.width());
        assertEquals(680, sizes.height());
        assertEquals(1024, sizes.imageWidth());
        BufferedImage result = ImageIO.read(out.resolve("photo-1.png").toFile());
        assertEquals(1500, result.getWidth());
        assertEquals(BACKGROUND, result.getRGB(599, 500), "a hard edge: just outside the mask is untouched");
        JsonNode json = new ObjectMapper().readTree(out.resolve("photo-1.json").toFile());
        assertEquals(1500, json.path("crop").path("width").asInt());
    }

    @Test
    void whatWasDoneToThePictureOnTheWayInIsToldOnStderr() throws Exception {
        BufferedImage deep = new BufferedImage(300, 200, BufferedImage.TYPE_USHORT_GRAY);
        BufferedImage smallMask = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                deep.getRaster().setSample(x, y, 0, x * 200);
                smallMask.getRaster().setSample(x, y, 0, x >= 100 && x < 150 && y >= 80 && y < 120 ? 255 : 0);
            }
        }
        Path deepFile = dir.resolve("deep.png");
        Path smallMaskFile = dir.resolve("deep-mask.png");
        ImageIO.write(deep, "png", deepFile.toFile());
        ImageIO.write(smallMask, "png", smallMaskFile.toFile());
        server.setDispatcher(new FakeModelsLabServer(Duration.ofMillis(100)));
        ExitCode code = run(Map.of(InpaintCommand.KEY_VARIABLE, KEY), "--image", deepFile.toString(), "--mask",
                smallMaskFile.toString(), "--prompt", "x", "--out", dir.resolve("deep-out").toString(), "--base-url", base(),
                "--model", "m");
        assertEquals(ExitCode.OK, code, stderr.toString());
        assertTrue(stderr.toString().contains("\"deep.png\" has 16-bit channels; it was converted to 8-bit sRGB."),
                stderr.toString());
        assertFalse(stderr.toString().contains("deep-mask.png\" has"), "an 8-bit mask needs no notice: " + stderr);
    }

    @Test
    void badCropOptionsAreExplained() {
        assertEquals(ExitCode.USAGE, run(Map.of(), "--image", image.toString(), "--mask", mask.toString(), "--out",
                dir.toString(), "--feather", "-3"));
        assertTrue(stderr.toString().contains("--feather"), stderr.toString());
        assertEquals(ExitCode.USAGE, run(Map.of(), "--image", image.toString(), "--mask", mask.toString(), "--out",
                dir.toString(), "--color-match", "maybe"));
        assertTrue(stderr.toString().contains("yes or no"), stderr.toString());
    }

    /** The size fields of the first inpaint request the server got, and the size of the picture in it. */
    record RecordedRequestSizes(int width, int height, int imageWidth, int imageHeight, int maskWidth, int maskHeight) {
        static RecordedRequestSizes take(MockWebServer server) throws Exception {
            for (int i = 0; i < 20; i++) {
                var request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
                if (request == null) {
                    break;
                }
                if (!request.getPath().contains("inpaint")) {
                    continue;
                }
                JsonNode body = new ObjectMapper().readTree(request.getBody().readUtf8());
                BufferedImage sent = decoded(body, "init_image");
                BufferedImage sentMask = decoded(body, "mask_image");
                return new RecordedRequestSizes(body.path("width").asInt(), body.path("height").asInt(),
                        sent.getWidth(), sent.getHeight(), sentMask.getWidth(), sentMask.getHeight());
            }
            throw new AssertionError("no inpaint request reached the server");
        }

        private static BufferedImage decoded(JsonNode body, String field) throws Exception {
            String data = body.path(field).asText();
            data = data.substring(data.indexOf(',') + 1);
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(data)));
            assertNotNull(image, field + " is a picture");
            return image;
        }
    }

    @Test
    void anOutputAtAnotherSizeIsStillPastedAtFullResolutionLeavingTheRestIdentical() throws Exception {
        // A textured picture, so that any resampling or shift outside the mask would show.
        BufferedImage picture = new BufferedImage(1500, 1000, BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1500; x++) {
                picture.setRGB(x, y, random.nextInt() & 0xffffff);
            }
        }
        Path textured = dir.resolve("textured.png");
        ImageIO.write(picture, "png", textured.toFile());
        // The request is not square; the server answers 512×512 anyway.
        server.setDispatcher(new FakeModelsLabServer(Duration.ofMillis(100), 512, 512));
        Path out = dir.resolve("square");
        int feather = 8;
        ExitCode code = run(Map.of(InpaintCommand.KEY_VARIABLE, KEY), "--image", textured.toString(), "--mask", mask.toString(),
                "--prompt", "a red door", "--out", out.toString(), "--base-url", base(), "--model", "test-model",
                "--feather", String.valueOf(feather));
        assertEquals(ExitCode.OK, code, stderr.toString());
        RecordedRequestSizes sizes = RecordedRequestSizes.take(server);
        assertNotEquals(sizes.width(), sizes.height(), "a non-square request: " + sizes);
        assertEquals(sizes.width(), sizes.maskWidth());
        assertEquals(sizes.height(), sizes.maskHeight());

        BufferedImage result = ImageIO.read(out.resolve("textured-1.png").toFile());
        assertEquals(1500, result.getWidth(), "full resolution");
        assertEquals(1000, result.getHeight());
        int changedInside = 0;
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1500; x++) {
                // The mask is x 600–899, y 400–599; the feather reaches 8 px beyond it in x and y.
                boolean reached = x >= 600 - feather && x < 900 + feather && y >= 400 - feather && y < 600 + feather;
                int before = picture.getRGB(x, y);
                int after = result.getRGB(x, y);
                if (!reached) {
                    assertEquals(before, after, "untouched outside the feathered mask at " + x + "," + y);
                } else if (before != after) {
                    changedInside++;
                }
            }
        }
        assertTrue(changedInside > 300 * 200 / 2, "the mask was repainted: " + changedInside);
    }

    @Test
    void anInvalidKeyHasItsOwnExitCode() {
        server.setDispatcher(new FakeModelsLabServer(Duration.ofMillis(100)));
        ExitCode code = run(Map.of(InpaintCommand.KEY_VARIABLE, FakeModelsLabServer.BAD_KEY), "--image", image.toString(),
                "--mask", mask.toString(), "--prompt", "x", "--out", dir.resolve("o").toString(), "--base-url", base(), "--model", "m");
        assertEquals(ExitCode.INVALID_KEY, code);
        assertEquals(3, code.code());
        assertTrue(stderr.toString().toLowerCase().contains("key"), stderr.toString());
    }

    @Test
    void valuesOutsideTheEndpointsLimitsAreRefusedBeforeSending() {
        ExitCode code = run(Map.of(InpaintCommand.KEY_VARIABLE, KEY), "--image", image.toString(), "--mask", mask.toString(),
                "--prompt", "x", "--out", dir.resolve("o").toString(), "--base-url", base(), "--endpoint", "v3",
                "--steps", "30");
        assertTrue(code == ExitCode.USAGE || code == ExitCode.REFUSED, code.toString());
        assertEquals(0, server.getRequestCount(), "nothing was sent");
        assertTrue(stderr.toString().contains("21"), "the message names the allowed steps: " + stderr);
    }

    @Test
    void usageErrorsAreExplained() {
        assertEquals(ExitCode.USAGE, run(Map.of(), "--image", image.toString()));
        assertTrue(stderr.toString().contains("--mask"), stderr.toString());
        stderr.reset();
        assertEquals(ExitCode.USAGE, run(Map.of(KEY_VAR(), KEY), "--image", dir.resolve("missing.png").toString(), "--mask",
                mask.toString(), "--out", dir.toString(), "--model", "m"));
        assertTrue(stderr.toString().contains("missing.png"), stderr.toString());
    }

    @Test
    void aMaskOfAnotherSizeIsRefused() throws Exception {
        Path small = dir.resolve("small-mask.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
        assertEquals(ExitCode.USAGE, run(Map.of(KEY_VAR(), KEY), "--image", image.toString(), "--mask", small.toString(),
                "--out", dir.toString(), "--model", "m"));
        assertTrue(stderr.toString().contains("300×200"), stderr.toString());
    }

    @Test
    void aJobStillProcessingAtTheDeadlineExitsWithTheDeadlineCode() {
        for (int i = 0; i < 20; i++) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody("{\"status\":\"processing\",\"eta\":1,\"id\":77,\"output\":[]}"));
        }
        ExitCode code = run(Map.of(KEY_VAR(), KEY), "--image", image.toString(), "--mask", mask.toString(), "--prompt", "x",
                "--out", dir.resolve("o").toString(), "--base-url", base(), "--model", "m", "--deadline", "0.02");
        assertEquals(ExitCode.DEADLINE, code, stderr.toString());
        assertTrue(stderr.toString().contains("--resume 77"), "says how to collect the job later: " + stderr);
    }

    @Test
    void aJobThatOutlivedTheDeadlineIsCollectedWithResume() throws Exception {
        String base = server.url("/").toString();
        BufferedImage generated = new BufferedImage(1024, 680, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 680; y++) {
            for (int x = 0; x < 1024; x++) {
                generated.setRGB(x, y, 0xffee2211);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(generated, "png", png);
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"status\":\"success\",\"id\":77,\"output\":[\"" + base + "generations/77.png\"]}"));
        server.enqueue(new MockResponse().setBody(new okio.Buffer().write(png.toByteArray())));
        Path out = dir.resolve("resumed");
        ExitCode code = run(Map.of(KEY_VAR(), KEY), "--image", image.toString(), "--mask", mask.toString(), "--prompt", "x",
                "--out", out.toString(), "--base-url", base(), "--model", "m", "--resume", "77", "--color-match", "no");
        assertEquals(ExitCode.OK, code, stderr.toString());
        var fetch = server.takeRequest();
        assertEquals("/api/v6/images/fetch/77", fetch.getPath(), "no new job: the old one is fetched");
        BufferedImage result = ImageIO.read(out.resolve("photo-1.png").toFile());
        assertEquals(1500, result.getWidth());
        assertEquals(0xffee2211, result.getRGB(750, 500), "the collected output, pasted into the mask");
        assertEquals(BACKGROUND, result.getRGB(10, 10));
    }

    @Test
    void helpListsTheEndpointsParameters() {
        assertEquals(ExitCode.OK, run(Map.of(), "--help", "--endpoint", "enterprise"));
        String help = stdout.toString();
        assertTrue(help.contains("--loadbalancer"), help);
        assertTrue(help.contains("--guidance-scale"), help);
        stdout.reset();
        assertEquals(ExitCode.OK, run(Map.of(), "--help", "--endpoint", "v3"));
        assertFalse(stdout.toString().contains("--loadbalancer"), "v3 has no load balancer");
        assertFalse(stdout.toString().contains("--model "), "v3 takes no model id");
    }

    private static String KEY_VAR() {
        return InpaintCommand.KEY_VARIABLE;
    }
}
