package dev.inpaintstudio.app;

/**
 * Plain entry point. It does not extend {@code Application}, so the app starts from a class path
 * (java -jar, jpackage) without the JavaFX launcher checks, and {@code --version} needs no display.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            System.out.println("Inpaint Studio " + AppVersion.current());
            return;
        }
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println("Usage: inpaint-studio [IMAGE]\n       inpaint-studio --version");
            return;
        }
        InpaintStudioApp.launchWith(args);
    }
}
