package dev.inpaintstudio.imaging;

import java.io.IOException;

/** An image file that cannot be opened, with a message meant for the user. */
public class ImageReadException extends IOException {
    public ImageReadException(String message) {
        super(message);
    }

    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
