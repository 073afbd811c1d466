package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.modelslab.ModelsLabException.Kind;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches the outputs of a finished job. Links may answer 404 (or 403) for some seconds after
 * success while the CDN catches up, so 403, 404, 408, 425, 429, 5xx, empty answers and broken
 * connections are retried up to {@code downloadAttempts} times, {@code downloadRetryDelay} apart,
 * alternating with the matching proxy link when there is one.
 */
final class OutputDownloader {
    private static final Logger LOG = Logger.getLogger(OutputDownloader.class.getName());

    private final Transport transport;
    private final ClientSettings settings;

    OutputDownloader(Transport transport, ClientSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    /**
     * @param entries    the output entries: links, data URIs or inline base64
     * @param alternates links to try as well for the same index (proxy links); may be shorter
     * @param base       the server address, for links given as a path
     */
    List<byte[]> downloadAll(List<String> entries, List<String> alternates, HttpUrl base, String jobId,
                             ApiKey key, Progress progress, CancellationToken cancel) throws ModelsLabException {
        List<byte[]> images = new ArrayList<>(entries.size());
        int n = entries.size();
        for (int i = 0; i < n; i++) {
            progress.report(Progress.Stage.DOWNLOADING, (double) i / n, "Downloading image " + (i + 1) + " of " + n);
            List<String> candidates = new ArrayList<>();
            candidates.add(entries.get(i));
            if (i < alternates.size() && !alternates.get(i).equals(entries.get(i))) {
                candidates.add(alternates.get(i));
            }
            images.add(one(candidates, i + 1, n, base, jobId, key, cancel));
        }
        progress.report(Progress.Stage.DOWNLOADING, 1, "Downloaded " + n + (n == 1 ? " image" : " images"));
        return images;
    }

    private byte[] one(List<String> candidates, int index, int count, HttpUrl base, String jobId, ApiKey key,
                       CancellationToken cancel) throws ModelsLabException {
        String which = count == 1 ? "The result image" : "Result image " + index + " of " + count;
        List<HttpUrl> links = new ArrayList<>();
        for (String candidate : candidates) {
            if (OutputDecoder.isLink(candidate)) {
                HttpUrl url = candidate.startsWith("/") ? base.resolve(candidate) : HttpUrl.parse(candidate.strip());
                if (url != null) {
                    links.add(url);
                }
            } else {
                byte[] inline = OutputDecoder.imageFromText(candidate);
                if (inline != null) {
                    return inline;
                }
            }
        }
        if (links.isEmpty()) {
            throw new ModelsLabException(Kind.BAD_OUTPUT, which + " sent by ModelsLab is neither a link nor "
                    + "an image in base64, so it cannot be shown.", Map.of(), jobId, null);
        }
        String lastProblem = "";
        IOException lastIo = null;
        int tried = 0;
        for (int attempt = 0; attempt < settings.downloadAttempts(); attempt++) {
            tried++;
            if (attempt > 0) {
                Sleeper.sleep(settings.downloadRetryDelay(), cancel);
            }
            HttpUrl url = links.get(attempt % links.size());
            Transport.Reply reply;
            try {
                reply = transport.get(url, cancel);
            } catch (IOException e) {
                lastIo = e;
                lastProblem = "the connection failed: " + KeyRedactor.redact(String.valueOf(e.getMessage()), key);
                LOG.log(Level.FINE, "Download of output {0} failed (try {1}): {2}",
                        new Object[] {index, attempt + 1, e.toString()});
                continue;
            }
            lastIo = null;
            int code = reply.code();
            if (code >= 200 && code < 300) {
                if (reply.body().length == 0) {
                    lastProblem = "an empty answer";
                    continue;
                }
                byte[] image = OutputDecoder.imageFromBody(reply.body());
                if (image == null) {
                    throw new ModelsLabException(Kind.BAD_OUTPUT, which + " is not an image: the server sent "
                            + OutputDecoder.describe(reply.body(), reply.contentType(), key)
                            + " instead of a PNG, JPEG or WebP picture.", Map.of(), jobId, null);
                }
                return image;
            }
            lastProblem = "HTTP " + code;
            LOG.log(Level.FINE, "Download of output {0} answered HTTP {1} (try {2})",
                    new Object[] {index, code, attempt + 1});
            if (!retryable(code)) {
                break;
            }
        }
        String tries = tried == 1 ? "" : " after " + tried + " tries";
        String idNote = jobId.isEmpty() ? "" : " The server's job id is " + jobId + ".";
        if (lastIo != null) {
            throw new ModelsLabException(Kind.NETWORK, which + " could not be downloaded" + tries + " ("
                    + lastProblem + "). Check the internet connection." + idNote, Map.of(), jobId, lastIo);
        }
        throw new ModelsLabException(Kind.BAD_OUTPUT, which + " could not be downloaded (" + lastProblem + ")"
                + tries + "." + idNote, Map.of(), jobId, null);
    }

    private static boolean retryable(int code) {
        return code == 403 || code == 404 || code == 408 || code == 425 || code == 429 || code >= 500;
    }
}
