package dev.inpaintstudio.editor.tool;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.editor.MaskCommands;
import dev.inpaintstudio.editor.PicturePyramid;
import dev.inpaintstudio.editor.ops.MagicWand;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** Adds the area of similar colour around the clicked pixel (or everywhere, when not contiguous). */
public final class MagicWandTool implements Tool {
    private final MaskCommands commands;
    private final IntSupplier tolerance;
    private final BooleanSupplier contiguous;
    private final BooleanSupplier subtractMode;

    public MagicWandTool(MaskCommands commands, IntSupplier tolerance, BooleanSupplier contiguous, BooleanSupplier subtractMode) {
        this.commands = commands;
        this.tolerance = tolerance;
        this.contiguous = contiguous;
        this.subtractMode = subtractMode;
    }

    @Override
    public String name() {
        return "Magic wand";
    }

    @Override
    public void press(PointerInput p) {
        Document doc = commands.document();
        int x = (int) Math.floor(p.x());
        int y = (int) Math.floor(p.y());
        if (x < 0 || y < 0 || x >= doc.width() || y >= doc.height()) {
            return;
        }
        PicturePyramid picture = doc.picture();
        int tol = tolerance.getAsInt();
        boolean global = !contiguous.getAsBoolean();
        boolean subtract = subtractMode.getAsBoolean() != p.alt();
        commands.applySelection("Magic wand" + (subtract ? " subtracted" : ""),
                () -> MagicWand.select(picture.level(0), doc.width(), doc.height(), x, y, tol, !global),
                subtract, (long) doc.width() * doc.height() > MaskCommands.INLINE_PIXELS);
    }

    @Override
    public void drag(PointerInput p) {
    }

    @Override
    public void release(PointerInput p) {
    }
}
