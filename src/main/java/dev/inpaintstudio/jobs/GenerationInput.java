package dev.inpaintstudio.jobs;

import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;

/** What a backend repaints: the picture and its mask at the generation size, and the request. */
public record GenerationInput(BufferedImage image, BufferedImage mask, InpaintParameters parameters) {
}
