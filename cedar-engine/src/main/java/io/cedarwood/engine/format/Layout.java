package io.cedarwood.engine.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lays out a {@link Doc} within a line width: Wadler's algorithm, with an explicit stack instead of
 * recursion. A group is laid out flat when it, and whatever follows it up to the next possible line break,
 * fits in the rest of the line; otherwise its lines break and its inner groups get the same choice.
 *
 * <p>Three rules keep the text tidy whatever the document: indentation is written only when text follows
 * (no trailing white space), a line break at the start of a line only changes the indentation (no empty
 * lines), and spaces at the start of a line are dropped.
 */
final class Layout {
    private record Item(int indent, boolean flat, Doc doc) {
    }

    private final int width;
    private final StringBuilder out = new StringBuilder();
    /** The work list; its top is the last element. */
    private final List<Item> stack = new ArrayList<>();
    private int column;
    private boolean atLineStart = true;

    private Layout(int width) {
        this.width = width;
    }

    /** The text of {@code doc} laid out in lines of {@code width} columns where possible. */
    static String render(Doc doc, int width) {
        Layout layout = new Layout(width);
        layout.run(doc);
        int end = layout.out.length();
        while (end > 0 && layout.out.charAt(end - 1) == '\n') {
            end--;
        }
        return layout.out.substring(0, end);
    }

    private void run(Doc root) {
        stack.add(new Item(0, false, root));
        while (!stack.isEmpty()) {
            Item item = stack.remove(stack.size() - 1);
            Doc doc = item.doc();
            if (doc instanceof Doc.Text t) {
                write(t.text);
            } else if (doc instanceof Doc.Line l) {
                if (item.flat() && !l.hard) {
                    write(l.flat);
                } else {
                    newLine(item.indent());
                }
            } else if (doc instanceof Doc.Comments c) {
                newLine(item.indent());
                for (String comment : c.comments) {
                    write(comment);
                    newLine(item.indent());
                }
            } else if (doc instanceof Doc.Trailing t) {
                write(" " + t.comment);
                newLine(item.indent());
            } else if (doc instanceof Doc.Concat c) {
                for (int i = c.parts.length - 1; i >= 0; i--) {
                    stack.add(new Item(item.indent(), item.flat(), c.parts[i]));
                }
            } else if (doc instanceof Doc.Nest n) {
                stack.add(new Item(item.indent() + n.indent, item.flat(), n.doc));
            } else if (doc instanceof Doc.Align a) {
                stack.add(new Item(column, item.flat(), a.doc));
            } else {
                Doc.Group g = (Doc.Group) doc;
                boolean flat = item.flat() || (!g.hard && fits(g.doc));
                stack.add(new Item(item.indent(), flat, g.doc));
            }
        }
    }

    /**
     * Whether {@code doc} laid out flat, followed by the pending work up to its first line break, fits in
     * the rest of the current line.
     */
    private boolean fits(Doc doc) {
        int remaining = width - column;
        Deque<Doc> flat = new ArrayDeque<>();
        flat.push(doc);
        int next = stack.size() - 1;
        Deque<Doc> rest = new ArrayDeque<>();
        while (remaining >= 0) {
            Doc d;
            boolean isFlat;
            if (!flat.isEmpty()) {
                d = flat.pop();
                isFlat = true;
            } else if (!rest.isEmpty()) {
                d = rest.pop();
                isFlat = false;
            } else if (next >= 0) {
                Item item = stack.get(next--);
                d = item.doc();
                isFlat = item.flat();
                if (isFlat) {
                    flat.push(d);
                    continue;
                }
            } else {
                return true;
            }
            if (d instanceof Doc.Text t) {
                int newline = t.text.indexOf('\n');
                if (newline >= 0) {
                    return remaining >= t.text.codePointCount(0, newline);
                }
                remaining -= t.text.codePointCount(0, t.text.length());
            } else if (d instanceof Doc.Line l) {
                if (!isFlat || l.hard) {
                    return true;
                }
                remaining -= l.flat.length();
            } else if (d instanceof Doc.Comments || d instanceof Doc.Trailing) {
                // a line break follows; the width of a comment does not count
                return !isFlat;
            } else {
                Deque<Doc> into = isFlat ? flat : rest;
                if (d instanceof Doc.Concat c) {
                    for (int i = c.parts.length - 1; i >= 0; i--) {
                        into.push(c.parts[i]);
                    }
                } else if (d instanceof Doc.Nest n) {
                    into.push(n.doc);
                } else if (d instanceof Doc.Align a) {
                    into.push(a.doc);
                } else {
                    into.push(((Doc.Group) d).doc);
                }
            }
        }
        return false;
    }

    private void write(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (atLineStart) {
            if (text.isBlank()) {
                return;
            }
            out.append(" ".repeat(column));
            atLineStart = false;
        }
        out.append(text);
        int newline = text.lastIndexOf('\n');
        if (newline >= 0) {
            column = text.codePointCount(newline + 1, text.length());
        } else {
            column += text.codePointCount(0, text.length());
        }
    }

    private void newLine(int indent) {
        if (!atLineStart) {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
            out.append('\n');
            atLineStart = true;
        }
        column = indent;
    }
}
