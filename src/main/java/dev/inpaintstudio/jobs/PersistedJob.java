package dev.inpaintstudio.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;

import java.util.Locale;
import java.util.Map;

/**
 * {@code job.json} of a job in flight, beside its {@code picture.png} (full size), {@code mask.png}
 * and, for an offline job whose texture comes from one region only, {@code source.png}. Never holds
 * the API key. Files from before version 2 lack {@code backend}, {@code fill} and {@code crop}: they
 * are ModelsLab jobs with the default crop settings.
 *
 * @param state      {@code WAITING} (never sent), {@code SENDING} (being sent: it may have reached the
 *                   server; an offline job is simply run again), {@code ACCEPTED} (the server has it
 *                   as {@code serverId}), {@code FAILED}
 * @param endpoint   the ModelsLab endpoint; null for an offline job
 * @param parameters every parameter as sent, by wire name (see {@link WireParameters}); null offline
 * @param sentWidth  the size the backend is sent: the planned crop around the mask at the backend's
 *                   working size (in older files, the whole picture fitted)
 * @param collectable for FAILED: the job may still finish on the server, so a retry collects it
 * @param backend    {@code modelslab} or {@code local}; null in files before version 2 (ModelsLab)
 * @param fill       the offline engine's options; null for a ModelsLab job
 * @param crop       how much context was cut and how the result is blended back; null before version 2
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersistedJob(
        int version,
        String id,
        String createdAt,
        String startedAt,
        String sourceName,
        String parentResultId,
        String endpoint,
        Map<String, Object> parameters,
        int width,
        int height,
        int sentWidth,
        int sentHeight,
        String state,
        String serverId,
        String fetchUrl,
        String message,
        boolean collectable,
        String backend,
        Fill fill,
        Crop crop) {

    public static final int VERSION = 2;
    public static final String WAITING = "WAITING";
    public static final String SENDING = "SENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String FAILED = "FAILED";

    /**
     * The offline engine's options as stored.
     *
     * @param quality      a {@link FillQuality} name in lower case: {@code fast}, {@code balanced}, {@code quality}
     * @param sourceRegion whether texture is taken only from the region in {@code source.png}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fill(int patchSize, String quality, long seed, boolean sourceRegion) {
        static Fill of(FillOptions options) {
            return new Fill(options.patchSize(), options.quality().name().toLowerCase(Locale.ROOT), options.seed(),
                    options.sourceRegion() != null);
        }

        FillOptions toOptions(byte[] region) {
            FillQuality q = quality == null ? FillQuality.BALANCED : FillQuality.valueOf(quality.toUpperCase(Locale.ROOT));
            return new FillOptions(patchSize, q, seed, sourceRegion ? region : null);
        }
    }

    /** {@link CropSettings} as stored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Crop(int padding, boolean wholeImage, int feather, boolean colorMatch) {
        static Crop of(CropSettings s) {
            return new Crop(s.padding(), s.wholeImage(), s.featherPx(), s.colorMatch());
        }

        CropSettings toSettings() {
            return new CropSettings(padding, wholeImage, feather, colorMatch);
        }
    }

    /** Whether the offline engine runs this job (no server: after a crash it is simply run again). */
    public boolean isLocal() {
        return GenerationRecipe.LOCAL_ID.equals(backend);
    }

    /** The crop settings the job was queued with; the defaults for a file that predates them. */
    public CropSettings cropSettings() {
        return crop == null ? CropSettings.DEFAULT : crop.toSettings();
    }

    PersistedJob with(String newState, String newServerId, String newFetchUrl, String newMessage, boolean newCollectable,
                      String newStartedAt) {
        return new PersistedJob(version, id, createdAt, newStartedAt, sourceName, parentResultId, endpoint, parameters,
                width, height, sentWidth, sentHeight, newState, newServerId, newFetchUrl, newMessage, newCollectable,
                backend, fill, crop);
    }
}
