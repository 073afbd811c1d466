package dev.inpaintstudio.modelslab;

/** A ModelsLab inpaint endpoint: where requests go and where results are polled when the server gives no fetch URL. */
public enum Endpoint {
    V6_IMAGES("v6 images", "/api/v6/images/inpaint", "/api/v6/images/fetch/{id}");

    private final String displayName;
    private final String path;
    private final String fetchPathTemplate;

    Endpoint(String displayName, String path, String fetchPathTemplate) {
        this.displayName = displayName;
        this.path = path;
        this.fetchPathTemplate = fetchPathTemplate;
    }

    public String displayName() {
        return displayName;
    }

    public String path() {
        return path;
    }

    /** The fallback fetch path for a job id. */
    public String fetchPath(String id) {
        return fetchPathTemplate.replace("{id}", id);
    }
}
