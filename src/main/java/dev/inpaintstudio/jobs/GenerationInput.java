package dev.inpaintstudio.jobs;

import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;

/**
 * What a backend repaints: the picture and its mask at the generation size, and the request.
 * {@code resumeServerId} is null, or a job already on the server to collect instead of a new one.
 */
public record GenerationInput(BufferedImage image, BufferedImage mask, InpaintParameters parameters, String resumeServerId) {
}
