package dev.inpaintstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.jobs.GenerationRecipe;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes each output as {@code NAME-N.png} beside {@code NAME-N.json}: the backend, and what was sent
 * (never the key) and what came back, or the offline engine's options.
 */
final class SidecarWriter {
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    SidecarWriter(Path dir) {
        this.dir = dir;
    }

    List<Path> write(String name, JobOutcome outcome, CliOptions options) throws IOException {
        InpaintParameters parameters = outcome.request().modelsLabParameters();
        Map<String, Object> sent = parameters == null ? null : parameters.endpoint().profile()
                .wireParameters(parameters, outcome.sentSize().width(), outcome.sentSize().height());
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < outcome.results().size(); i++) {
            String stem = uniqueStem(name + "-" + (i + 1));
            Path png = dir.resolve(stem + ".png");
            PngEncoder.writeAtomically(outcome.results().get(i), png);
            ObjectNode record = json.createObjectNode();
            record.put("backend", outcome.request().recipe().backendId());
            if (outcome.request().recipe() instanceof GenerationRecipe.LocalFill fill) {
                FillOptions o = fill.options();
                ObjectNode f = record.putObject("fill");
                f.put("patchSize", o.patchSize());
                f.put("quality", o.quality().name().toLowerCase(java.util.Locale.ROOT));
                f.put("seed", o.seed());
                f.put("textureFrom", options.textureFrom() == null ? null : options.textureFrom().toAbsolutePath().toString());
                f.put("workingWidth", outcome.sentSize().width());
                f.put("workingHeight", outcome.sentSize().height());
                f.put("elapsedSeconds", outcome.elapsed().toMillis() / 1000.0);
            } else {
                record.put("endpoint", parameters.endpoint().cliName());
                record.put("path", parameters.endpoint().path());
                record.set("sent", json.valueToTree(sent));
                record.put("pictureFormat", options.pictureEncoding().name().toLowerCase(java.util.Locale.ROOT));
                ObjectNode received = record.putObject("received");
                received.put("id", outcome.serverId());
                received.put("nsfw_content_detected", outcome.nsfwContentDetected());
                received.set("meta", meta(outcome.metaJson()));
                received.put("elapsedSeconds", outcome.elapsed().toMillis() / 1000.0);
            }
            ObjectNode source = record.putObject("source");
            source.put("image", options.image().toAbsolutePath().toString());
            source.put("mask", options.mask().toAbsolutePath().toString());
            source.put("width", outcome.request().image().getWidth());
            source.put("height", outcome.request().image().getHeight());
            ObjectNode crop = record.putObject("crop");
            crop.put("x", outcome.cropBox().x());
            crop.put("y", outcome.cropBox().y());
            crop.put("width", outcome.cropBox().width());
            crop.put("height", outcome.cropBox().height());
            crop.put("padding", options.crop().padding());
            crop.put("wholeImage", options.crop().wholeImage());
            crop.put("feather", options.crop().featherPx());
            crop.put("colorMatch", options.crop().colorMatch());
            record.put("output", png.getFileName().toString());
            json.writeValue(dir.resolve(stem + ".json").toFile(), record);
            written.add(png);
        }
        return written;
    }

    private JsonNode meta(String metaJson) {
        try {
            return json.readTree(metaJson == null || metaJson.isBlank() ? "{}" : metaJson);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(metaJson);
        }
    }

    /** Never overwrites an earlier run's output. */
    private String uniqueStem(String stem) {
        String candidate = stem;
        for (int n = 2; java.nio.file.Files.exists(dir.resolve(candidate + ".png")); n++) {
            candidate = stem + "." + n;
        }
        return candidate;
    }
}
