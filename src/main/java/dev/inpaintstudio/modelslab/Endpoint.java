package dev.inpaintstudio.modelslab;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A ModelsLab inpaint endpoint: where requests go and where results are polled when the server gives
 * no {@code fetch_result} link (PROTOCOL.md's table). What it takes is in its {@link #profile()}.
 */
public enum Endpoint {
    V3("v3", "v3", "/api/v3/inpaint", "/api/v3/fetch/{id}", FetchStyle.ID_IN_PATH),
    V4_DREAMBOOTH("v4 dreambooth", "v4", "/api/v4/dreambooth/inpaint", "/api/v4/dreambooth/fetch",
            FetchStyle.REQUEST_ID_IN_BODY),
    V6_IMAGES("v6 images", "v6", "/api/v6/images/inpaint", "/api/v6/images/fetch/{id}", FetchStyle.ID_IN_PATH),
    ENTERPRISE("enterprise", "enterprise", "/api/v1/enterprise/inpaint", "/api/v1/enterprise/fetch",
            FetchStyle.REQUEST_ID_IN_BODY),
    ENTERPRISE_PONY("enterprise pony", "enterprise-pony", "/api/v1/enterprise/pony/inpaint",
            "/api/v1/enterprise/pony/fetch", FetchStyle.REQUEST_ID_IN_BODY);

    /** How a job is named when polling: in the fetch path, or as {@code request_id} in the body. */
    public enum FetchStyle {
        /** {@code POST .../fetch/{id}} with {@code {"key": ...}}. */
        ID_IN_PATH,
        /** {@code POST .../fetch} with {@code {"key": ..., "request_id": ...}}. */
        REQUEST_ID_IN_BODY
    }

    private final String displayName;
    private final String cliName;
    private final String path;
    private final String fetchPathTemplate;
    private final FetchStyle fetchStyle;

    Endpoint(String displayName, String cliName, String path, String fetchPathTemplate, FetchStyle fetchStyle) {
        this.displayName = displayName;
        this.cliName = cliName;
        this.path = path;
        this.fetchPathTemplate = fetchPathTemplate;
        this.fetchStyle = fetchStyle;
    }

    /** For people: "v6 images". */
    public String displayName() {
        return displayName;
    }

    /** For the command line: "v3", "v4", "v6", "enterprise", "enterprise-pony". */
    public String cliName() {
        return cliName;
    }

    /** The inpaint path, e.g. {@code /api/v6/images/inpaint}. */
    public String path() {
        return path;
    }

    public FetchStyle fetchStyle() {
        return fetchStyle;
    }

    /**
     * The fallback fetch path for a job id: with the id as the last path segment (percent-encoded)
     * for {@link FetchStyle#ID_IN_PATH}; the fixed path, whatever the id, for
     * {@link FetchStyle#REQUEST_ID_IN_BODY} (the id then goes in the body).
     */
    public String fetchPath(String id) {
        if (fetchStyle == FetchStyle.REQUEST_ID_IN_BODY) {
            return fetchPathTemplate;
        }
        return fetchPathTemplate.replace("{id}", encodeSegment(id == null ? "" : id));
    }

    /** What can be sent to this endpoint: fields, wire names, limits, defaults. */
    public EndpointProfile profile() {
        return EndpointProfile.of(this);
    }

    /**
     * The endpoint of a {@link #cliName()} (also accepts the enum name and the display name, any case).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Endpoint fromCliName(String name) {
        String s = name == null ? "" : name.strip();
        for (Endpoint e : values()) {
            if (e.cliName.equalsIgnoreCase(s) || e.name().equalsIgnoreCase(s) || e.displayName.equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown endpoint \"" + s + "\": use one of "
                + Arrays.stream(values()).map(Endpoint::cliName).collect(Collectors.joining(", ")) + ".");
    }

    private static String encodeSegment(String id) {
        StringBuilder sb = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }
}
