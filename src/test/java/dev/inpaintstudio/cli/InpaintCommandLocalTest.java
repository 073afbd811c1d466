package dev.inpaintstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The headless command with the offline backend: no key, no server. */
class InpaintCommandLocalTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Path image;
    private Path mask;
    private BufferedImage picture;

    /** 301 × 203 stripes with a dark "wire" across them, and a mask over the wire. */
    @BeforeEach
    void files() throws Exception {
        image = dir.resolve("street.png");
        mask = dir.resolve("street-mask.png");
        picture = new BufferedImage(301, 203, BufferedImage.TYPE_INT_RGB);
        BufferedImage maskImage = new BufferedImage(301, 203, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 203; y++) {
            for (int x = 0; x < 301; x++) {
                boolean wire = y >= 100 && y < 103 && x >= 40 && x < 260;
                picture.setRGB(x, y, wire ? 0xff101010 : (x / 5) % 2 == 0 ? 0xff6090c0 : 0xffa0c0e0);
                if (y >= 97 && y < 106 && x >= 37 && x < 263) {
                    maskImage.getRaster().setSample(x, y, 0, 255);
                }
            }
        }
        ImageIO.write(picture, "png", image.toFile());
        ImageIO.write(maskImage, "png", mask.toFile());
    }

    private ExitCode run(Optional<String> storedKey, String... args) {
        InpaintCommand command = new InpaintCommand(Map.of(), () -> storedKey,
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return command.run(List.of(args));
    }

    @Test
    void backendLocalWritesAFullSizePngAndASidecarWithItsOptions() throws Exception {
        Path out = dir.resolve("out");
        ExitCode code = run(Optional.empty(), "--backend", "local", "--image", image.toString(), "--mask", mask.toString(),
                "--out", out.toString(), "--patch-size", "9", "--quality", "fast", "--seed", "42");
        assertEquals(ExitCode.OK, code, stderr.toString());

        BufferedImage result = ImageIO.read(out.resolve("street-1.png").toFile());
        assertEquals(301, result.getWidth());
        assertEquals(203, result.getHeight());
        for (int x = 40; x < 260; x++) {
            assertNotEquals(0xff101010, result.getRGB(x, 101), "the wire is gone at x=" + x);
        }
        // Rows the feathered mask cannot reach keep every pixel.
        for (int y = 0; y < 203; y++) {
            if (y < 97 - 9 || y >= 106 + 9) {
                for (int x = 0; x < 301; x++) {
                    assertEquals(picture.getRGB(x, y), result.getRGB(x, y), "at " + x + "," + y);
                }
            }
        }
        JsonNode sidecar = new ObjectMapper().readTree(out.resolve("street-1.json").toFile());
        assertEquals("local", sidecar.path("backend").asText());
        assertEquals(9, sidecar.path("fill").path("patchSize").asInt());
        assertEquals("fast", sidecar.path("fill").path("quality").asText());
        assertEquals(42, sidecar.path("fill").path("seed").asLong());
        assertFalse(sidecar.has("endpoint"), "no ModelsLab endpoint in an offline sidecar");
        assertEquals(301, sidecar.path("source").path("width").asInt());
        assertTrue(stderr.toString().contains("Filling offline"), stderr.toString());
    }

    @Test
    void withNoKeyTheOfflineBackendIsTheDefaultAndItsRandomSeedIsRecorded() throws Exception {
        Path out = dir.resolve("o");
        ExitCode code = run(Optional.empty(), "--image", image.toString(), "--mask", mask.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, code, stderr.toString());
        JsonNode sidecar = new ObjectMapper().readTree(out.resolve("street-1.json").toFile());
        assertEquals("local", sidecar.path("backend").asText());
        assertTrue(sidecar.path("fill").path("seed").isIntegralNumber());
        assertEquals("balanced", sidecar.path("fill").path("quality").asText());
    }

    @Test
    void modelsLabOptionsWithoutAKeyAreExplainedNotSentAnywhere() {
        ExitCode code = run(Optional.empty(), "--image", image.toString(), "--mask", mask.toString(), "--out",
                dir.resolve("x").toString(), "--prompt", "a red door");
        assertEquals(ExitCode.USAGE, code);
        assertTrue(stderr.toString().contains("--prompt is a ModelsLab option"), stderr.toString());
        assertTrue(stderr.toString().contains("--backend modelslab"), stderr.toString());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void withAStoredKeyModelsLabIsTheDefaultAndOfflineOptionsAreRefusedThere() {
        ExitCode code = run(Optional.of("a-stored-key"), "--image", image.toString(), "--mask", mask.toString(), "--out",
                dir.resolve("x").toString(), "--patch-size", "9");
        assertEquals(ExitCode.USAGE, code);
        assertTrue(stderr.toString().contains("--patch-size only apply to the offline backend"), stderr.toString());
    }

    @Test
    void badOfflineOptionsAreExplained() {
        assertEquals(ExitCode.USAGE, run(Optional.empty(), "--backend", "local", "--image", image.toString(), "--mask",
                mask.toString(), "--out", dir.toString(), "--patch-size", "8"));
        assertTrue(stderr.toString().contains("odd number"), stderr.toString());
        assertEquals(ExitCode.USAGE, run(Optional.empty(), "--backend", "sideways", "--image", image.toString()));
        assertTrue(stderr.toString().contains("local or modelslab"), stderr.toString());
        assertEquals(ExitCode.USAGE, run(Optional.empty(), "--backend", "local", "--image", image.toString(), "--mask",
                mask.toString(), "--out", dir.toString(), "--quality", "superb"));
        assertTrue(stderr.toString().contains("fast, balanced or quality"), stderr.toString());
    }

    @Test
    void helpDescribesBothBackendsAndTheOfflineOptions() {
        assertEquals(ExitCode.OK, run(Optional.empty(), "--help"));
        String help = stdout.toString();
        assertTrue(help.contains("--backend local|modelslab"), help);
        assertTrue(help.contains("local while no API key is set"), help);
        assertTrue(help.contains("--patch-size PX"), help);
        assertTrue(help.contains("--quality fast|balanced|quality"), help);
        assertTrue(help.contains("--texture-from FILE"), help);
    }
}
