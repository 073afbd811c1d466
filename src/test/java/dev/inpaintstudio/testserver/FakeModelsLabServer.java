package dev.inpaintstudio.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the five ModelsLab inpaint endpoints, for manual runs of the app and for
 * end-to-end tests.
 *
 * <ul>
 *   <li>{@code POST} to an inpaint path ({@code /api/v3/inpaint}, {@code /api/v4/dreambooth/inpaint},
 *       {@code /api/v6/images/inpaint}, {@code /api/v1/enterprise/inpaint},
 *       {@code /api/v1/enterprise/pony/inpaint}) answers {@code processing} (eta 1, the misspelled
 *       {@code messege}, a numeric id, a {@code fetch_result} link on this server: with the id in
 *       the path for v3 and v6, the bare fetch path for the others, whose fetch takes
 *       {@code request_id});</li>
 *   <li>{@code POST} to the endpoint's fetch ({@code /api/v3/fetch/{id}},
 *       {@code /api/v6/images/fetch/{id}}; {@code /api/v4/dreambooth/fetch},
 *       {@code /api/v1/enterprise/fetch}, {@code /api/v1/enterprise/pony/fetch} with
 *       {@code request_id} in the body, or the id as a last path segment) answers
 *       {@code processing} until the processing time (2 s by default) has passed, then
 *       {@code success} with links ending {@code .base64}; a job is found only through the
 *       endpoint that took it;</li>
 *   <li>{@code GET /generations/{id}-{n}.base64} answers base64 text of a PNG at the requested
 *       size: the init image with the masked (white) region repainted in inverted, channel-rotated
 *       colours with diagonal stripes, so the result is unmistakable;</li>
 *   <li>the key {@code "bad"} gets {@code {"status":"error","message":"Invalid Api Key"}} (HTTP 401);
 *       missing or broken images, out-of-range sizes, a missing {@code model_id} (all but v3) and,
 *       stricter than the real server, any field the endpoint's page does not list get a validation
 *       error object.</li>
 * </ul>
 * Run it with a port (default 7860) and optionally the processing time in seconds.
 */
public final class FakeModelsLabServer extends Dispatcher {
    public static final String BAD_KEY = "bad";
    /** The v6 paths, which the app uses by default. */
    public static final String INPAINT_PATH = "/api/v6/images/inpaint";
    public static final String FETCH_PREFIX = "/api/v6/images/fetch/";
    public static final String OUTPUT_PREFIX = "/generations/";

    /**
     * One endpoint as its documentation page describes it, written out here independently of the
     * client's profiles so that end-to-end tests compare two readings of the pages.
     */
    public record Route(String name, String inpaintPath, String fetchPath, boolean idInPath, boolean needsModel,
                        Set<String> fields) {
        /** The {@code fetch_result} link for a job: with the id for path-id fetches, bare otherwise. */
        String fetchResult(String base, String id) {
            return base + fetchPath + (idInPath ? "/" + id : "");
        }
    }

    private static final Set<String> COMMON = Set.of("key", "prompt", "negative_prompt", "init_image", "mask_image",
            "width", "height", "samples", "safety_checker", "enhance_prompt", "guidance_scale", "strength", "base64",
            "seed", "webhook", "track_id");
    private static final Set<String> MODEL_FIELDS = Set.of("model_id", "safety_checker_type", "use_karras_sigmas",
            "algorithm_type", "vae", "lora_strength", "lora_model", "scheduler", "clip_skip", "temp");

    public static final List<Route> ROUTES = List.of(
            new Route("v3", "/api/v3/inpaint", "/api/v3/fetch", true, false,
                    union(COMMON, Set.of("num_inference_steps"))),
            new Route("v4", "/api/v4/dreambooth/inpaint", "/api/v4/dreambooth/fetch", false, true,
                    union(COMMON, MODEL_FIELDS, Set.of("steps", "tomesd", "embeddings_model"))),
            new Route("v6", "/api/v6/images/inpaint", "/api/v6/images/fetch", true, true,
                    union(COMMON, MODEL_FIELDS, Set.of("steps", "num_inference_steps", "ip_adapter_id",
                            "ip_adapter_scale", "ip_adapter_image"))),
            new Route("enterprise", "/api/v1/enterprise/inpaint", "/api/v1/enterprise/fetch", false, true,
                    union(COMMON, MODEL_FIELDS, Set.of("num_inference_steps", "tomesd", "embeddings_model",
                            "loadbalancer"))),
            new Route("enterprise-pony", "/api/v1/enterprise/pony/inpaint", "/api/v1/enterprise/pony/fetch", false, true,
                    union(COMMON, MODEL_FIELDS, Set.of("num_inference_steps", "tomesd"))));

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Collections.unmodifiableSet(all);
    }
    private static final int KEPT_JOBS = 64;

    private final Duration processingTime;
    /** When positive, every output is this size whatever was asked, as some models answer at their own size. */
    private final int outputWidth;
    private final int outputHeight;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong nextId = new AtomicLong(81_000_000L + ThreadLocalRandom.current().nextInt(1000) * 1000L);
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT_JOBS;
        }
    };

    private record Job(String id, Route route, String key, long createdNanos, List<String> base64Pngs, ObjectNode meta) {
    }

    public FakeModelsLabServer() {
        this(Duration.ofSeconds(2));
    }

    public FakeModelsLabServer(Duration processingTime) {
        this(processingTime, 0, 0);
    }

    /** Answers every job with outputs of {@code outputWidth}×{@code outputHeight}, not the requested size. */
    public FakeModelsLabServer(Duration processingTime, int outputWidth, int outputHeight) {
        this.processingTime = processingTime;
        this.outputWidth = outputWidth;
        this.outputHeight = outputHeight;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7860;
        Duration processing = args.length > 1
                ? Duration.ofMillis((long) (Double.parseDouble(args[1]) * 1000)) : Duration.ofSeconds(2);
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new FakeModelsLabServer(processing));
        server.start(InetAddress.getByName("127.0.0.1"), port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.shutdown();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }));
        System.out.println("Fake ModelsLab server on http://127.0.0.1:" + server.getPort());
        System.out.flush();
        new CountDownLatch(1).await(); // until killed
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
            String method = request.getMethod();
            for (Route route : ROUTES) {
                if ("POST".equals(method) && path.equals(route.inpaintPath())) {
                    return submit(request, route);
                }
                if ("POST".equals(method) && (path.equals(route.fetchPath()) || path.startsWith(route.fetchPath() + "/"))) {
                    return fetch(request, route, path.substring(route.fetchPath().length()));
                }
            }
            if ("GET".equals(method) && path.startsWith(OUTPUT_PREFIX) && path.endsWith(".base64")) {
                return output(path.substring(OUTPUT_PREFIX.length(), path.length() - ".base64".length()));
            }
            return reply(404, error("Not found: " + method + " " + path));
        } catch (Exception e) {
            return reply(500, error("Fake server failure: " + e));
        }
    }

    // ---- endpoints -------------------------------------------------------------------------------

    private MockResponse submit(RecordedRequest request, Route route) throws IOException {
        JsonNode body;
        try {
            // A copy: the recorded body stays readable for tests that take the request afterwards.
            body = json.readTree(request.getBody().clone().readByteArray());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return reply(400, error("The request body is not a JSON object."));
        }
        String key = body.path("key").asText("");
        if (key.isBlank() || key.equals(BAD_KEY)) {
            return reply(401, error("Invalid Api Key"));
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        BufferedImage init = image(body, "init_image", problems);
        BufferedImage mask = image(body, "mask_image", problems);
        int width = integer(body, "width", init == null ? 512 : init.getWidth(), 8, 1024, problems);
        int height = integer(body, "height", init == null ? 512 : init.getHeight(), 8, 1024, problems);
        int samples = integer(body, "samples", 1, 1, 4, problems);
        if (width % 8 != 0) {
            problems.computeIfAbsent("width", k -> new ArrayList<>()).add("The width must be a multiple of 8.");
        }
        if (height % 8 != 0) {
            problems.computeIfAbsent("height", k -> new ArrayList<>()).add("The height must be a multiple of 8.");
        }
        if (route.needsModel() && body.path("model_id").asText("").isBlank()) {
            problems.computeIfAbsent("model_id", k -> new ArrayList<>()).add("The model id field is required.");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!route.fields().contains(name)) {
                problems.computeIfAbsent(name, k -> new ArrayList<>())
                        .add("The " + name + " field is not a parameter of " + route.inpaintPath() + ".");
            }
        });
        if (!problems.isEmpty()) {
            ObjectNode err = json.createObjectNode().put("status", "error");
            err.set("message", json.valueToTree(problems));
            return reply(400, err);
        }

        List<String> pngs = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            BufferedImage painted = repaint(scale(init, width, height), scale(mask, width, height), s);
            if (outputWidth > 0 && outputHeight > 0) {
                painted = scale(painted, outputWidth, outputHeight);
            }
            pngs.add(Base64.getEncoder().encodeToString(png(painted)));
        }
        String id = Long.toString(nextId.incrementAndGet());
        ObjectNode meta = meta(body, width, height, samples);
        synchronized (jobs) {
            jobs.put(id, new Job(id, route, key, System.nanoTime(), pngs, meta));
        }
        String base = baseUrl(request);
        ObjectNode processing = json.createObjectNode()
                .put("status", "processing")
                .put("tip", "This is a fake server: nothing was sent to ModelsLab.")
                .put("eta", 1)
                .put("messege", "Try to fetch request after given estimated time")
                .put("fetch_result", route.fetchResult(base, id))
                .put("id", Long.parseLong(id));
        processing.putArray("output");
        processing.set("meta", meta);
        processing.set("future_links", links(base, id, samples));
        return reply(200, processing);
    }

    /** {@code rest} is what follows the route's fetch path: {@code ""} or {@code "/{id}"}. */
    private MockResponse fetch(RecordedRequest request, Route route, String rest) throws IOException {
        JsonNode body = json.readTree(request.getBody().clone().readByteArray());
        String key = body == null ? "" : body.path("key").asText("");
        if (key.isBlank() || key.equals(BAD_KEY)) {
            return reply(401, error("Invalid Api Key"));
        }
        String id;
        if (rest.startsWith("/") && rest.length() > 1) {
            id = rest.substring(1);
        } else if (route.idInPath()) {
            return reply(404, error("Not found: the job id belongs in the path"));
        } else {
            JsonNode requestId = body == null ? null : body.get("request_id");
            id = requestId == null || requestId.isNull() ? "" : requestId.asText("").strip();
            if (id.isEmpty()) {
                ObjectNode err = json.createObjectNode().put("status", "error");
                err.set("message", json.valueToTree(Map.of("request_id", List.of("The request id field is required."))));
                return reply(400, err);
            }
        }
        Job job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null || !job.key().equals(key) || job.route() != route) {
            return reply(200, error("Request not found"));
        }
        long elapsed = System.nanoTime() - job.createdNanos();
        String base = baseUrl(request);
        if (elapsed < processingTime.toNanos()) {
            double eta = Math.max(0.1, Math.round((processingTime.toNanos() - elapsed) / 1e8) / 10.0);
            ObjectNode processing = json.createObjectNode()
                    .put("status", "processing")
                    .put("eta", eta)
                    .put("messege", "Try to fetch request after given estimated time")
                    .put("fetch_result", route.fetchResult(base, id))
                    .put("id", id) // a string here, a number on submit: both happen for real
                    .put("output", "");
            processing.set("future_links", links(base, id, job.base64Pngs().size()));
            return reply(200, processing);
        }
        ArrayNode outputs = links(base, id, job.base64Pngs().size());
        ObjectNode success = json.createObjectNode()
                .put("status", "success")
                .put("generationTime", processingTime.toMillis() / 1000.0)
                .put("id", Long.parseLong(id));
        success.set("output", outputs);
        success.set("proxy_links", outputs.deepCopy());
        success.put("nsfw_content_detected", false);
        success.set("meta", job.meta());
        return reply(200, success);
    }

    private MockResponse output(String name) {
        int dash = name.lastIndexOf('-');
        if (dash < 0) {
            return new MockResponse().setResponseCode(404).setBody("Not Found");
        }
        Job job;
        synchronized (jobs) {
            job = jobs.get(name.substring(0, dash));
        }
        int index;
        try {
            index = Integer.parseInt(name.substring(dash + 1));
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (job == null || index < 0 || index >= job.base64Pngs().size()) {
            return new MockResponse().setResponseCode(404).setBody("Not Found");
        }
        return new MockResponse().setHeader("Content-Type", "text/plain").setBody(job.base64Pngs().get(index));
    }

    // ---- the picture -----------------------------------------------------------------------------

    /**
     * Where the mask is white: the colour inverted, its channels rotated by the sample number, and
     * diagonal stripes darkened; grey mask values blend; black keeps the init pixel unchanged.
     */
    static BufferedImage repaint(BufferedImage init, BufferedImage mask, int sample) {
        int w = init.getWidth();
        int h = init.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = init.getRGB(x, y);
                int m = mask.getRGB(x, y);
                double coverage = (((m >> 16) & 0xFF) * 0.299 + ((m >> 8) & 0xFF) * 0.587 + (m & 0xFF) * 0.114)
                        / 255.0 * (((m >>> 24) & 0xFF) / 255.0);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                int[] painted = {255 - r, 255 - g, 255 - b};
                int shift = sample % 3;
                int pr = painted[shift % 3];
                int pg = painted[(shift + 1) % 3];
                int pb = painted[(shift + 2) % 3];
                if (((x + y) / 6) % 2 == 0) {
                    pr = pr * 55 / 100;
                    pg = pg * 55 / 100;
                    pb = pb * 55 / 100 + 60;
                }
                int or = (int) Math.round(r + (pr - r) * coverage);
                int og = (int) Math.round(g + (pg - g) * coverage);
                int ob = (int) Math.round(b + (Math.min(255, pb) - b) * coverage);
                out.setRGB(x, y, (or << 16) | (og << 8) | ob);
            }
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        if (src.getWidth() == w && src.getHeight() == h) {
            return src;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    // ---- request reading -------------------------------------------------------------------------

    private static BufferedImage image(JsonNode body, String field, Map<String, List<String>> problems) {
        String text = body.path(field).asText("");
        String label = field.replace('_', ' ');
        if (text.isBlank()) {
            problems.computeIfAbsent(field, k -> new ArrayList<>()).add("The " + label + " field is required.");
            return null;
        }
        if (text.startsWith("data:")) {
            problems.computeIfAbsent(field, k -> new ArrayList<>())
                    .add("The " + label + " must be raw base64 without a data: prefix.");
            return null;
        }
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(text)));
            if (img != null) {
                return img;
            }
        } catch (IllegalArgumentException | IOException e) {
            // reported below
        }
        problems.computeIfAbsent(field, k -> new ArrayList<>()).add("The " + label + " is not a base64 image.");
        return null;
    }

    private static int integer(JsonNode body, String field, int fallback, int min, int max,
                               Map<String, List<String>> problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        int value;
        try {
            value = n.isNumber() ? n.intValue() : Integer.parseInt(n.asText().strip());
        } catch (NumberFormatException e) {
            problems.computeIfAbsent(field, k -> new ArrayList<>()).add("The " + field + " must be an integer.");
            return fallback;
        }
        if (value < min || value > max) {
            problems.computeIfAbsent(field, k -> new ArrayList<>())
                    .add("The " + field + " must be between " + min + " and " + max + ".");
            return Math.max(min, Math.min(max, value));
        }
        return value;
    }

    private ObjectNode meta(JsonNode body, int width, int height, int samples) {
        ObjectNode meta = json.createObjectNode();
        body.fields().forEachRemaining(e -> {
            String name = e.getKey();
            if (!name.equals("key") && !name.equals("init_image") && !name.equals("mask_image")) {
                meta.set(name, e.getValue());
            }
        });
        meta.put("W", width).put("H", height).put("n_samples", samples);
        if (!meta.path("seed").isNumber()) {
            meta.put("seed", ThreadLocalRandom.current().nextLong(1, 4_294_967_295L));
        }
        return meta;
    }

    // ---- answers ---------------------------------------------------------------------------------

    private ArrayNode links(String base, String id, int count) {
        ArrayNode links = json.createArrayNode();
        for (int i = 0; i < count; i++) {
            links.add(base + OUTPUT_PREFIX + id + "-" + i + ".base64");
        }
        return links;
    }

    /** The address the client used (its Host header), so links work from wherever it connected. */
    private static String baseUrl(RecordedRequest request) {
        String host = request.getHeader("Host");
        if (host != null && !host.isBlank()) {
            return "http://" + host.strip();
        }
        return request.getRequestUrl().newBuilder().encodedPath("/").query(null).build().toString()
                .replaceAll("/$", "");
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("status", "error").put("message", message);
    }

    private MockResponse reply(int code, JsonNode body) {
        try {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                    .setBody(json.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
