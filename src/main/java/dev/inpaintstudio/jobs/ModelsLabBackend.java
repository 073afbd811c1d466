package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.ImageReadException;
import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.modelslab.ApiKey;
import dev.inpaintstudio.modelslab.EndpointProfile;
import dev.inpaintstudio.modelslab.InpaintRequest;
import dev.inpaintstudio.modelslab.InpaintResult;
import dev.inpaintstudio.modelslab.ModelsLabClient;
import dev.inpaintstudio.modelslab.ModelsLabException;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Repaints through the ModelsLab API: encodes the picture and mask as PNG, sends, decodes the outputs. */
public final class ModelsLabBackend implements Backend {
    private final Supplier<ModelsLabClient> client;
    private final Supplier<ApiKey> key;
    private final Supplier<PictureEncoding> pictureEncoding;

    /** Suppliers, so a changed base URL, key or encoding takes effect on the next job. */
    public ModelsLabBackend(Supplier<ModelsLabClient> client, Supplier<ApiKey> key, Supplier<PictureEncoding> pictureEncoding) {
        this.client = client;
        this.key = key;
        this.pictureEncoding = pictureEncoding;
    }

    @Override
    public String name() {
        return "ModelsLab";
    }

    /** The crop a diffusion model wants, at most as large a side as the endpoints take, in multiples of 8. */
    @Override
    public ContextCrop planCrop(JobRequest request) {
        return ContextCrop.plan(request.coverage(), request.image().getWidth(), request.image().getHeight(),
                request.crop(), EndpointProfile.MAX_SIDE);
    }

    @Override
    public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) throws BackendException {
        ApiKey apiKey = key.get();
        if (apiKey == null || apiKey.isBlank()) {
            throw new BackendException("No API key is set. Enter your ModelsLab API key in the side panel.", null);
        }
        InpaintResult result;
        try {
            // The fetch link the server gave is polled as it is; the id alone falls back to the standard path.
            result = !input.resumes() ? submit(input, apiKey, progress, cancel)
                    : client.get().resume(input.parameters().endpoint(), input.resumeServerId(), input.resumeFetchUrl(),
                            apiKey, progress, cancel);
        } catch (ModelsLabException e) {
            throw new BackendException(e.getMessage(), e);
        }
        List<BufferedImage> images = new ArrayList<>();
        int n = 1;
        for (byte[] bytes : result.images()) {
            try {
                images.add(ImageFiles.decode(bytes, "output " + n++));
            } catch (ImageReadException e) {
                throw new BackendException("The server sent an image that could not be decoded: " + e.getMessage(), e);
            }
        }
        if (images.isEmpty()) {
            throw new BackendException("The server reported success but sent no image.", null);
        }
        // 0 is what the parser makes of a reply without the field: not a time the server reported.
        Double generationSeconds = result.generationTimeSeconds() > 0 ? result.generationTimeSeconds() : null;
        return new BackendResult(images, result.serverId(), result.nsfwContentDetected(), result.metaJson(),
                generationSeconds);
    }

    private InpaintResult submit(GenerationInput input, ApiKey apiKey, Progress progress, CancellationToken cancel)
            throws ModelsLabException {
        progress.report(Progress.Stage.PREPARING, -1, "Encoding image and mask");
        byte[] init = pictureEncoding.get().encode(input.image());
        cancel.throwIfCancelled();
        byte[] mask = PngEncoder.encode(input.mask());
        cancel.throwIfCancelled();
        InpaintRequest request = input.parameters().toRequest(init, mask, input.image().getWidth(), input.image().getHeight());
        return client.get().inpaint(request, apiKey, progress, cancel);
    }
}
