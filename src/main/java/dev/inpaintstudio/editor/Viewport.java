package dev.inpaintstudio.editor;

/**
 * The one transform between view (screen) and image coordinates: view = image × scale + offset.
 * Every conversion goes through here, so a mask always lands where it was painted.
 */
public final class Viewport {
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 32;

    private double scale = 1;
    private double offsetX;
    private double offsetY;

    public double scale() {
        return scale;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    public double toImageX(double viewX) {
        return (viewX - offsetX) / scale;
    }

    public double toImageY(double viewY) {
        return (viewY - offsetY) / scale;
    }

    public double toViewX(double imageX) {
        return imageX * scale + offsetX;
    }

    public double toViewY(double imageY) {
        return imageY * scale + offsetY;
    }

    /** Shows the whole image centred in the view, never enlarged past 100 %. */
    public void fit(double imageWidth, double imageHeight, double viewWidth, double viewHeight) {
        double s = Math.min(viewWidth / imageWidth, viewHeight / imageHeight);
        scale = clamp(Math.min(s, 1.0));
        offsetX = Math.round((viewWidth - imageWidth * scale) / 2);
        offsetY = Math.round((viewHeight - imageHeight * scale) / 2);
    }

    /** Zooms by {@code factor} keeping the image point under (viewX, viewY) in place. */
    public void zoomAt(double factor, double viewX, double viewY) {
        double imageX = toImageX(viewX);
        double imageY = toImageY(viewY);
        scale = clamp(scale * factor);
        offsetX = viewX - imageX * scale;
        offsetY = viewY - imageY * scale;
    }

    public void setScaleAt(double newScale, double viewX, double viewY) {
        zoomAt(clamp(newScale) / scale, viewX, viewY);
    }

    public void panBy(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
