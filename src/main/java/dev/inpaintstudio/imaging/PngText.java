package dev.inpaintstudio.imaging;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PNG files with text chunks, e.g. the {@code parameters} chunk in which AUTOMATIC1111 and the tools
 * that read its files keep a picture's recipe. Latin-1 text goes in a {@code tEXt} chunk (what those
 * tools write), anything else in an uncompressed UTF-8 {@code iTXt} chunk.
 */
public final class PngText {
    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngText() {
    }

    public static void write(BufferedImage image, Map<String, String> text, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            IIOMetadataNode tEXt = new IIOMetadataNode("tEXt");
            IIOMetadataNode iTXt = new IIOMetadataNode("iTXt");
            text.forEach((keyword, value) -> {
                if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)) {
                    IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                    entry.setAttribute("keyword", keyword);
                    entry.setAttribute("value", value);
                    tEXt.appendChild(entry);
                } else {
                    IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                    entry.setAttribute("keyword", keyword);
                    entry.setAttribute("compressionFlag", "FALSE");
                    entry.setAttribute("compressionMethod", "0");
                    entry.setAttribute("languageTag", "");
                    entry.setAttribute("translatedKeyword", "");
                    entry.setAttribute("text", value);
                    iTXt.appendChild(entry);
                }
            });
            if (tEXt.hasChildNodes()) {
                root.appendChild(tEXt);
            }
            if (iTXt.hasChildNodes()) {
                root.appendChild(iTXt);
            }
            metadata.mergeTree(FORMAT, root);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** Writes through a temporary file and a move. */
    public static void writeAtomically(BufferedImage image, Map<String, String> text, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".writing-", ".png");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(image, text, out);
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The text chunks of a PNG file (tEXt, iTXt and zTXt), by keyword; empty for other files. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (stream == null || !readers.hasNext()) {
                return out;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, false);
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
                for (IIOMetadataNode chunk = (IIOMetadataNode) root.getFirstChild(); chunk != null;
                     chunk = (IIOMetadataNode) chunk.getNextSibling()) {
                    String valueAttribute = switch (chunk.getNodeName()) {
                        case "tEXt", "zTXt" -> chunk.getNodeName().equals("tEXt") ? "value" : "text";
                        case "iTXt" -> "text";
                        default -> null;
                    };
                    if (valueAttribute == null) {
                        continue;
                    }
                    for (IIOMetadataNode e = (IIOMetadataNode) chunk.getFirstChild(); e != null;
                         e = (IIOMetadataNode) e.getNextSibling()) {
                        out.put(e.getAttribute("keyword"), e.getAttribute(valueAttribute));
                    }
                }
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException e) {
            return out;
        }
        return out;
    }
}
