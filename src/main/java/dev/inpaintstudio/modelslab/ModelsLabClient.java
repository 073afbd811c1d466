package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.modelslab.ModelsLabException.Kind;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ModelsLab inpaint flow: submit, poll while the server says {@code processing}, download the
 * outputs. Blocking; call it from a worker thread. One instance per base URL reuses connections.
 *
 * <p>Retries: the submit is re-sent at most twice after a 5xx / error page / dropped connection
 * (not after a read timeout, when the server may already have the job), and as often as the
 * deadline allows after a rate limit, waiting {@code retry_after} (capped by
 * {@link ClientSettings#rateLimitWait()}). While polling, 5xx, error pages, rate limits and broken
 * connections are retried with the poll backoff until the deadline. Invalid key, credits, plan,
 * validation and failed jobs are never retried.
 *
 * <p>The API key goes only into request bodies: never into a URL, a log line or a message.
 */
public final class ModelsLabClient {
    private static final Logger LOG = Logger.getLogger(ModelsLabClient.class.getName());
    static final int SUBMIT_RETRIES = 2;
    /** Answers that are not ModelsLab replies (an empty body, a proxy's page) tolerated in a row while polling. */
    static final int POLL_BAD_ANSWERS = 3;

    private final String baseUrlText;
    private final HttpUrl baseUrl;
    private final ClientSettings settings;
    private final Transport transport;
    private final BodyWriter bodies;
    private final ReplyParser parser;
    private final OutputDownloader downloader;
    private final DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    /** With {@link ClientSettings#defaults()}. An invalid address is reported by {@link #inpaint}, not here. */
    public ModelsLabClient(String baseUrl) {
        this(baseUrl, ClientSettings.defaults());
    }

    public ModelsLabClient(String baseUrl, ClientSettings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        this.baseUrlText = normalise(baseUrl);
        this.baseUrl = HttpUrl.parse(baseUrlText);
        ObjectMapper mapper = new ObjectMapper();
        this.transport = new Transport(settings);
        this.bodies = new BodyWriter(mapper.getFactory());
        this.parser = new ReplyParser(mapper);
        this.downloader = new OutputDownloader(transport, settings);
    }

    public String baseUrl() {
        return baseUrlText;
    }

    public ClientSettings settings() {
        return settings;
    }

    /**
     * Runs one inpaint job to the end and returns the downloaded images. The request is first
     * checked against its endpoint's {@link EndpointProfile}: anything it refuses is reported as
     * {@link Kind#VALIDATION}, with {@link ModelsLabException#fieldErrors()} keyed by wire name
     * ({@code width}/{@code height} for the size), before anything is sent.
     *
     * @throws ModelsLabException with a kind and a message for the user
     * @throws java.util.concurrent.CancellationException promptly after {@code cancel.cancel()}
     */
    public InpaintResult inpaint(InpaintRequest request, ApiKey key, Progress progress, CancellationToken cancel)
            throws ModelsLabException {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        checkSetup(key);
        checkParameters(request);
        cancel.throwIfCancelled();
        HttpUrl url = urlFor(request.endpoint().path());
        BodyWriter.Body body;
        try {
            body = bodies.inpaint(request, key);
        } catch (IllegalArgumentException e) {
            throw new ModelsLabException(Kind.VALIDATION, "The image is too large to send.", Map.of(), null, e);
        }
        ServerReply reply = submit(url, body, key, deadline, progress, cancel);
        if (!reply.id().isEmpty() || !reply.fetchUrl().isEmpty()) {
            progress.accepted(reply.id(), reply.fetchUrl());
        }
        if (reply.status() == ServerReply.Status.SUCCESS) {
            return finish(reply, List.of(), reply.id(), key, progress, cancel);
        }
        LOG.log(Level.INFO, "ModelsLab job {0} queued, eta {1} s", new Object[] {reply.id(), reply.etaSeconds()});
        Done done = poll(request.endpoint(), reply.id(), reply.fetchUrl(), reply.etaSeconds(), reply.futureLinks(),
                false, key, deadline, progress, cancel);
        return finish(done.reply(), done.futureLinks(), done.id(), key, progress, cancel);
    }

    /**
     * Picks up a job submitted earlier (e.g. one that ran past the deadline): polls the endpoint's
     * fetch endpoint at once (the id in the path, or as {@code request_id} in the body, as the
     * endpoint takes it), then downloads as {@link #inpaint} does.
     */
    public InpaintResult resume(Endpoint endpoint, String serverId, ApiKey key, Progress progress, CancellationToken cancel)
            throws ModelsLabException {
        return resume(endpoint, serverId, null, key, progress, cancel);
    }

    /**
     * Picks up a job submitted earlier by what the server said of it: polls its {@code fetch_result}
     * link when there is one (the server's own word on where to ask, used as {@link #inpaint} uses it),
     * else the endpoint's standard fetch for {@code serverId}; at once, then downloads as
     * {@link #inpaint} does. Either may be null, not both.
     */
    public InpaintResult resume(Endpoint endpoint, String serverId, String fetchUrl, ApiKey key, Progress progress,
                                CancellationToken cancel) throws ModelsLabException {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        checkSetup(key);
        String id = serverId == null ? "" : serverId.strip();
        String link = fetchUrl == null ? "" : fetchUrl.strip();
        if (id.isEmpty() && link.isEmpty()) {
            throw new ModelsLabException(Kind.BAD_RESPONSE, "There is no server job id to check.");
        }
        Done done = poll(endpoint, id, link, null, List.of(), true, key, deadline, progress, cancel);
        return finish(done.reply(), done.futureLinks(), done.id(), key, progress, cancel);
    }

    /** The job id {@link #checkKey} asks about: no job has it, so nothing is fetched or generated. */
    static final String KEY_CHECK_JOB_ID = "0";

    /**
     * Checks a key with one cheap authenticated call that generates nothing: a v6 fetch for a job
     * that cannot exist. "Invalid Api Key" means the key is bad; any other ModelsLab answer (job not
     * found, no credits, ...) means the server knew the key. One call, no retries. Blocking; call it
     * from a worker thread. The key goes only into the request body.
     */
    public KeyCheck checkKey(ApiKey key) {
        if (key == null || key.isBlank()) {
            return new KeyCheck(KeyCheck.Outcome.REJECTED, "No API key was entered.");
        }
        if (baseUrl == null) {
            return new KeyCheck(KeyCheck.Outcome.UNKNOWN, "The server address \"" + baseUrlText
                    + "\" is not a valid http or https address.");
        }
        HttpUrl url = HttpUrl.parse(baseUrlText + Endpoint.V6_IMAGES.fetchPath(KEY_CHECK_JOB_ID));
        if (url == null) {
            return new KeyCheck(KeyCheck.Outcome.UNKNOWN, "The server address \"" + baseUrlText + "\" is not valid.");
        }
        Transport.Reply raw;
        try {
            raw = transport.postJson(url, bodies.fetch(key, null), new CancellationToken());
        } catch (IOException e) {
            return new KeyCheck(KeyCheck.Outcome.UNKNOWN, network(e, key).getMessage());
        }
        ServerReply reply = parser.parse(raw.code(), raw.body(), raw.retryAfter());
        if (reply.status() == ServerReply.Status.SUCCESS || reply.status() == ServerReply.Status.PROCESSING) {
            return new KeyCheck(KeyCheck.Outcome.ACCEPTED, "The key was accepted by " + baseUrl.host() + ".");
        }
        ModelsLabException error = ErrorMapper.map(reply, key);
        switch (error.kind()) {
            case INVALID_KEY:
                return new KeyCheck(KeyCheck.Outcome.REJECTED, error.getMessage());
            case NO_CREDITS:
                return new KeyCheck(KeyCheck.Outcome.ACCEPTED, "The key was accepted by " + baseUrl.host()
                        + ", but the account has no credits left.");
            case RATE_LIMITED:
            case SERVER_ERROR:
            case BAD_RESPONSE:
            case NETWORK:
                return new KeyCheck(KeyCheck.Outcome.UNKNOWN, "The key could not be checked: " + error.getMessage());
            default:
                return new KeyCheck(KeyCheck.Outcome.ACCEPTED, "The key was accepted by " + baseUrl.host() + ".");
        }
    }

    // ---- submit ------------------------------------------------------------------------------

    private ServerReply submit(HttpUrl url, BodyWriter.Body body, ApiKey key, long deadline, Progress progress,
                               CancellationToken cancel) throws ModelsLabException {
        int retries = 0;
        Backoff backoff = new Backoff(settings.minPollDelay(), settings.maxPollDelay(), random);
        while (true) {
            progress.report(Progress.Stage.UPLOADING, -1, "Sending the image to ModelsLab");
            Transport.Reply raw;
            try {
                raw = transport.postJson(url, body, cancel);
            } catch (IOException e) {
                ModelsLabException failure = network(e, key);
                if (safeToResend(e) && retries < SUBMIT_RETRIES && waitWithin(backoff.next(null), deadline, cancel)) {
                    retries++;
                    LOG.log(Level.WARNING, "Submit failed, retrying ({0} of {1}): {2}",
                            new Object[] {retries, SUBMIT_RETRIES, failure.getMessage()});
                    continue;
                }
                throw failure;
            }
            ServerReply reply = parser.parse(raw.code(), raw.body(), raw.retryAfter());
            if (reply.status() == ServerReply.Status.SUCCESS || reply.status() == ServerReply.Status.PROCESSING) {
                return reply;
            }
            ModelsLabException error = ErrorMapper.map(reply, key);
            if (error.kind() == Kind.RATE_LIMITED) {
                Duration wait = rateLimitWait(reply);
                progress.report(Progress.Stage.QUEUED, -1, "ModelsLab is busy; trying again in " + human(wait));
                if (waitWithin(wait, deadline, cancel)) {
                    LOG.log(Level.INFO, "Rate limited, retried after {0}", human(wait));
                    continue;
                }
            } else if (error.kind() == Kind.SERVER_ERROR && retries < SUBMIT_RETRIES
                    && waitWithin(backoff.next(null), deadline, cancel)) {
                retries++;
                LOG.log(Level.WARNING, "Submit answered HTTP {0}, retrying ({1} of {2})",
                        new Object[] {raw.code(), retries, SUBMIT_RETRIES});
                continue;
            }
            throw error;
        }
    }

    /**
     * Whether a failed submit can be sent again without risking a second paid job: yes when the
     * connection broke or was refused, no after a read timeout (the server may be working on it).
     */
    private static boolean safeToResend(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
        }
        return true;
    }

    // ---- poll --------------------------------------------------------------------------------

    private record Done(ServerReply reply, List<String> futureLinks, String id) {
    }

    private Done poll(Endpoint endpoint, String id, String fetchText, Double eta, List<String> futureLinks,
                      boolean pollNow, ApiKey key, long deadline, Progress progress, CancellationToken cancel)
            throws ModelsLabException {
        HttpUrl fetchUrl = fetchUrl(endpoint, id, fetchText);
        if (fetchUrl == null) {
            throw new ModelsLabException(Kind.BAD_RESPONSE, "ModelsLab accepted the job but gave no id or link "
                    + "to ask for the result, so it cannot be followed.");
        }
        // Where the fetch takes request_id it goes in the body even with a fetch_result link:
        // harmless when the link holds the id too, and needed when it does not.
        String requestId = endpoint.fetchStyle() == Endpoint.FetchStyle.REQUEST_ID_IN_BODY && !id.isEmpty() ? id : null;
        BodyWriter.Body body = bodies.fetch(key, requestId);
        Backoff backoff = new Backoff(settings.minPollDelay(), settings.maxPollDelay(), random);
        long queuedSince = System.nanoTime();
        List<String> future = futureLinks;
        String lastProblem = null;
        int badAnswers = 0;
        boolean first = true;
        while (true) {
            Duration wait = first && pollNow ? Duration.ZERO : backoff.next(eta);
            first = false;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw deadlineExceeded(id, lastProblem);
            }
            reportQueued(progress, id, eta, queuedSince);
            Sleeper.sleep(Duration.ofNanos(Math.min(wait.toNanos(), remaining)), cancel);
            Transport.Reply raw;
            try {
                raw = transport.postJson(fetchUrl, body, cancel);
            } catch (IOException e) {
                lastProblem = network(e, key).getMessage();
                LOG.log(Level.WARNING, "Polling job {0} failed, will retry: {1}", new Object[] {id, lastProblem});
                continue;
            }
            ServerReply reply = parser.parse(raw.code(), raw.body(), raw.retryAfter());
            switch (reply.status()) {
                case SUCCESS:
                    return new Done(reply, future, reply.id().isEmpty() ? id : reply.id());
                case PROCESSING:
                    badAnswers = 0;
                    eta = reply.etaSeconds();
                    if (!reply.futureLinks().isEmpty()) {
                        future = reply.futureLinks();
                    }
                    lastProblem = null;
                    LOG.log(Level.FINE, "Job {0} still processing, eta {1} s", new Object[] {id, eta});
                    continue;
                default:
                    ModelsLabException error = ErrorMapper.map(reply, key);
                    badAnswers = error.kind() == Kind.BAD_RESPONSE ? badAnswers + 1 : 0;
                    if (error.kind() == Kind.SERVER_ERROR || error.kind() == Kind.RATE_LIMITED
                            || (error.kind() == Kind.BAD_RESPONSE && badAnswers <= POLL_BAD_ANSWERS)) {
                        lastProblem = error.getMessage();
                        if (error.kind() == Kind.RATE_LIMITED) {
                            eta = rateLimitWait(reply).toMillis() / 1000.0;
                        }
                        LOG.log(Level.WARNING, "Polling job {0}: {1}; will retry", new Object[] {id, lastProblem});
                        continue;
                    }
                    throw error.withServerId(id);
            }
        }
    }

    private HttpUrl fetchUrl(Endpoint endpoint, String id, String given) {
        if (!given.isEmpty()) {
            HttpUrl url = HttpUrl.parse(given);
            // Never send the key in clear text to a link when the configured server uses TLS.
            if (url != null && (url.isHttps() || !baseUrl.isHttps())) {
                return url;
            }
            LOG.log(Level.WARNING, "Ignoring an unusable fetch link for job {0}; using the standard one", id);
        }
        if (id.isEmpty()) {
            return null;
        }
        return HttpUrl.parse(baseUrlText + endpoint.fetchPath(id));
    }

    private void reportQueued(Progress progress, String id, Double eta, long queuedSince) {
        String job = id.isEmpty() ? "" : "job " + id + ", ";
        if (eta != null && eta > 0) {
            double elapsed = (System.nanoTime() - queuedSince) / 1e9;
            double fraction = Math.min(0.99, elapsed / (elapsed + eta));
            progress.report(Progress.Stage.QUEUED, fraction,
                    "Generating on ModelsLab (" + job + "about " + Math.max(1, Math.round(eta)) + " s left)");
        } else {
            progress.report(Progress.Stage.QUEUED, -1,
                    "Generating on ModelsLab" + (id.isEmpty() ? "" : " (job " + id + ")"));
        }
    }

    private ModelsLabException deadlineExceeded(String id, String lastProblem) {
        String idText = id.isEmpty() ? "" : " (job id " + id + ")";
        String problem = lastProblem == null ? "" : " The last check failed: " + lastProblem;
        return new ModelsLabException(Kind.DEADLINE, "The image is still being generated on the ModelsLab server"
                + idText + ", but it did not finish within " + human(settings.deadline())
                + ". It may still finish there: check again later." + problem, Map.of(), id, null);
    }

    // ---- finish ------------------------------------------------------------------------------

    private InpaintResult finish(ServerReply success, List<String> futureLinks, String id, ApiKey key,
                                 Progress progress, CancellationToken cancel) throws ModelsLabException {
        List<String> entries;
        List<String> alternates = List.of();
        if (!success.output().isEmpty()) {
            entries = success.output();
            alternates = success.proxyLinks();
        } else if (!success.proxyLinks().isEmpty()) {
            entries = success.proxyLinks();
        } else if (!success.futureLinks().isEmpty()) {
            entries = success.futureLinks();
        } else {
            entries = new ArrayList<>(futureLinks);
        }
        if (entries.isEmpty()) {
            throw new ModelsLabException(Kind.BAD_RESPONSE, "ModelsLab reported success but sent no image.",
                    Map.of(), id, null);
        }
        List<byte[]> images = downloader.downloadAll(entries, alternates, baseUrl, id, key, progress, cancel);
        return new InpaintResult(images, id, success.generationTime(), success.nsfw(),
                KeyRedactor.redact(success.metaJson(), key));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void checkSetup(ApiKey key) throws ModelsLabException {
        if (key == null || key.isBlank()) {
            throw new ModelsLabException(Kind.INVALID_KEY, "No API key is set. Enter your ModelsLab API key in the settings.");
        }
        if (baseUrl == null) {
            throw new ModelsLabException(Kind.NETWORK, "The server address \"" + baseUrlText
                    + "\" is not a valid http or https address. Check it in the settings.");
        }
    }

    /** The endpoint profile's checks, before anything is sent. */
    private static void checkParameters(InpaintRequest r) throws ModelsLabException {
        List<FieldProblem> problems = r.endpoint().profile().validate(r.parameters(), r.width(), r.height());
        if (problems.isEmpty()) {
            return;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> sentences = new ArrayList<>();
        for (FieldProblem p : problems) {
            fields.computeIfAbsent(p.wireName(), k -> new ArrayList<>()).add(p.message());
            sentences.add(p.message());
        }
        String lead = problems.size() == 1 ? "This setting is not accepted by "
                : "These settings are not accepted by ";
        throw new ModelsLabException(Kind.VALIDATION, lead + "ModelsLab " + r.endpoint().displayName() + ": "
                + String.join(" ", sentences), fields, null, null);
    }

    private HttpUrl urlFor(String path) throws ModelsLabException {
        HttpUrl url = HttpUrl.parse(baseUrlText + path);
        if (url == null) {
            throw new ModelsLabException(Kind.NETWORK, "The server address \"" + baseUrlText + "\" is not valid.");
        }
        return url;
    }

    /** {@code retry_after} (body or header), at least the minimum poll delay, at most the configured wait. */
    private Duration rateLimitWait(ServerReply reply) {
        Duration cap = settings.rateLimitWait();
        Double seconds = reply.retryAfterSeconds();
        if (seconds == null || seconds <= 0) {
            return cap;
        }
        Duration asked = Duration.ofNanos((long) Math.min(seconds * 1e9, cap.toNanos()));
        return asked.compareTo(settings.minPollDelay()) < 0 ? settings.minPollDelay() : asked;
    }

    /** Sleeps when the wait ends before the deadline; false (without sleeping) otherwise. */
    private static boolean waitWithin(Duration wait, long deadline, CancellationToken cancel) {
        if (System.nanoTime() + wait.toNanos() >= deadline) {
            return false;
        }
        Sleeper.sleep(wait, cancel);
        return true;
    }

    private ModelsLabException network(IOException e, ApiKey key) {
        String host = baseUrl.host();
        String message;
        if (e instanceof UnknownHostException) {
            message = "The server " + host + " could not be found. Check the internet connection and the server address.";
        } else if (e instanceof ConnectException) {
            message = "Could not connect to " + host + ". Check the internet connection and the server address.";
        } else if (e instanceof SocketTimeoutException) {
            message = "ModelsLab did not answer in time (" + host + "). Check the internet connection and try again.";
        } else {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            message = "The connection to " + host + " failed (" + KeyRedactor.redact(detail, key)
                    + "). Check the internet connection and try again.";
        }
        return new ModelsLabException(Kind.NETWORK, message, Map.of(), null, e);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 120) {
            return s + " s";
        }
        long min = s / 60;
        return min + " minutes";
    }

    private static String normalise(String baseUrl) {
        String s = baseUrl == null ? "" : baseUrl.strip();
        if (!s.isEmpty() && !s.contains("://")) {
            s = "https://" + s;
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public String toString() {
        return "ModelsLabClient[" + baseUrlText + "]";
    }
}
