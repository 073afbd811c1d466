package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.task.CancellationToken;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;

/**
 * Blocking HTTP calls that a {@link CancellationToken} can abort at once: the token cancels the
 * in-flight OkHttp call, which then fails and is reported as a {@link CancellationException}.
 */
final class Transport {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** No answer or output of this API is near this size; a bigger one is refused, not buffered. */
    static final long MAX_BODY_BYTES = 96L * 1024 * 1024;

    /** An HTTP answer, fully read. */
    record Reply(int code, String contentType, byte[] body, String retryAfter) {
        @Override
        public String toString() {
            return "Reply[" + code + ", " + contentType + ", " + body.length + " B]";
        }
    }

    private final OkHttpClient http;

    Transport(ClientSettings settings) {
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
    }

    Reply postJson(HttpUrl url, BodyWriter.Body body, CancellationToken cancel) throws IOException {
        RequestBody requestBody = RequestBody.create(body.bytes(), JSON, 0, body.length());
        return execute(new Request.Builder().url(url).post(requestBody)
                .header("Accept", "application/json").build(), cancel);
    }

    Reply get(HttpUrl url, CancellationToken cancel) throws IOException {
        return execute(new Request.Builder().url(url).get().build(), cancel);
    }

    private Reply execute(Request request, CancellationToken cancel) throws IOException {
        cancel.throwIfCancelled();
        Call call = http.newCall(request);
        Runnable removeHook = cancel.onCancel(call::cancel);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            String contentType = body == null || body.contentType() == null ? "" : body.contentType().toString();
            byte[] bytes = body == null ? new byte[0] : readCapped(body);
            return new Reply(response.code(), contentType, bytes, response.header("Retry-After"));
        } catch (IOException | RuntimeException e) {
            if (cancel.isCancelled()) {
                throw new CancellationException("Cancelled");
            }
            if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Interrupted");
            }
            throw e;
        } finally {
            removeHook.run();
        }
    }

    private static byte[] readCapped(ResponseBody body) throws IOException {
        long declared = body.contentLength();
        if (declared > MAX_BODY_BYTES) {
            throw new IOException("answer too large (" + declared + " bytes)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = body.byteStream()) {
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > MAX_BODY_BYTES) {
                    throw new IOException("answer too large (over " + MAX_BODY_BYTES + " bytes)");
                }
                out.write(chunk, 0, n);
            }
        }
        return out.toByteArray();
    }
}
