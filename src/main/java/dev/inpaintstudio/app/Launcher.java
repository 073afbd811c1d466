package dev.inpaintstudio.app;

import dev.inpaintstudio.cli.ExitCode;
import dev.inpaintstudio.cli.InpaintCommand;
import dev.inpaintstudio.settings.ApiKeyStore;
import dev.inpaintstudio.settings.AppPaths;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Plain entry point. It does not extend {@code Application}, so the app starts from a class path
 * (java -jar, jpackage) without the JavaFX launcher checks, and {@code --version} and the headless
 * {@code inpaint} command need no display.
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
            System.out.println("Usage: inpaint-studio [IMAGE]            open the editor, optionally with IMAGE\n"
                    + "       inpaint-studio inpaint --help     repaint from the command line, no window\n"
                    + "       inpaint-studio --version");
            return;
        }
        if (args.length > 0 && "inpaint".equals(args[0])) {
            // Progress has its own lines on stderr; routine log records would only interleave with them.
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
            ApiKeyStore keys = new ApiKeyStore(AppPaths.fromEnvironment().configDir());
            ExitCode code = new InpaintCommand(System.getenv(), () -> storedKey(keys), System.out, System.err)
                    .run(Arrays.asList(args).subList(1, args.length));
            System.exit(code.code());
        }
        InpaintStudioApp.launchWith(args);
    }

    private static Optional<String> storedKey(ApiKeyStore keys) {
        try {
            return keys.load();
        } catch (IOException e) {
            System.err.println("inpaint: the saved API key could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }
}
