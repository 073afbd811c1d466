package dev.inpaintstudio.editor.tool;

/** Keys a tool in the middle of something may use. */
public enum ToolKey { ENTER, ESCAPE, BACKSPACE }
