package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.ImageReadException;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/** Opens image files into documents on a worker thread, so a large file never freezes the window. */
final class DocumentOpener {
    private final ExecutorService io;
    private final LongSupplier historyBudgetBytes;
    private final Map<Document, String> notices = new WeakHashMap<>();

    /** {@code historyBudgetBytes} is read for each document opened, so a changed setting applies to the next. */
    DocumentOpener(ExecutorService io, LongSupplier historyBudgetBytes) {
        this.io = io;
        this.historyBudgetBytes = historyBudgetBytes;
    }

    DocumentOpener(ExecutorService io, long historyBudgetBytes) {
        this(io, () -> historyBudgetBytes);
    }

    CompletableFuture<Document> open(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ImageFiles.Decoded decoded = ImageFiles.readWithNotices(file);
                Document doc = new Document(decoded.image(), String.valueOf(file.getFileName()), file, historyBudgetBytes.getAsLong());
                synchronized (notices) {
                    notices.put(doc, String.join(" ", decoded.notices()));
                }
                return doc;
            } catch (ImageReadException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io);
    }

    /** What was done to the file on the way in (16-bit or CMYK to 8-bit sRGB, EXIF rotation), or "". */
    String noticesOf(Document doc) {
        synchronized (notices) {
            return notices.getOrDefault(doc, "");
        }
    }

    Document fromPixels(BufferedImage image, String name) {
        return new Document(image, name, null, historyBudgetBytes.getAsLong());
    }
}
