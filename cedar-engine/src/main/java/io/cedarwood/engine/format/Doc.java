package io.cedarwood.engine.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A document to lay out, in the algebra of Wadler's "A prettier printer": text, line breaks that become
 * a space (or nothing) when their group fits on the line, nesting, and groups; plus a hard line break
 * that always breaks (and so forces every enclosing group to break) and alignment to the current column.
 * Built bottom-up and laid out by {@link Layout} without recursion, so deep documents are fine.
 *
 * <p>Not a value: no {@code equals}, and no {@code toString} that would walk a deep tree.
 */
abstract sealed class Doc permits Doc.Text, Doc.Line, Doc.Comments, Doc.Trailing, Doc.Concat, Doc.Nest, Doc.Align,
        Doc.Group {
    static final Doc EMPTY = new Concat(new Doc[0]);
    private static final Doc LINE = new Line(" ", false);
    private static final Doc SOFT_LINE = new Line("", false);
    private static final Doc HARD_LINE = new Line("", true);
    private static final Doc SPACE = new Text(" ");

    /** Whether this document contains a hard line break, so that it can never be laid out flat. */
    final boolean hard;

    private Doc(boolean hard) {
        this.hard = hard;
    }

    /** Text as is; it may contain line breaks (a multi-line string literal), which are written as they are. */
    static Doc text(String text) {
        return text.equals(" ") ? SPACE : new Text(text);
    }

    static Doc space() {
        return SPACE;
    }

    /** A line break, or a space when flat. */
    static Doc line() {
        return LINE;
    }

    /** A line break, or nothing when flat. */
    static Doc softLine() {
        return SOFT_LINE;
    }

    /**
     * A line break, always. The layout never writes an empty line: a break at the start of a line only
     * sets the indentation of the next text.
     */
    static Doc hardLine() {
        return HARD_LINE;
    }

    /** Line breaks in {@code doc} indent {@code indent} more columns. */
    static Doc nest(int indent, Doc doc) {
        return indent == 0 ? doc : new Nest(indent, doc);
    }

    /** Line breaks in {@code doc} indent to the column where {@code doc} starts. */
    static Doc align(Doc doc) {
        return new Align(doc);
    }

    /**
     * Comments on lines of their own: a line break unless at the start of a line, then each comment
     * followed by a line break.
     */
    static Doc comments(List<String> comments) {
        return new Comments(List.copyOf(comments));
    }

    /** A comment at the end of a line: a space, the comment and a line break. */
    static Doc trailing(String comment) {
        return new Trailing(comment);
    }

    /**
     * {@code doc} flat (every line a space or nothing) if it fits in the rest of the line, else broken.
     * Comments at the very start or end of {@code doc} are moved out of the group: they force line breaks
     * around the group but not inside it, and the comment after it does not count for its width.
     */
    static Doc group(Doc doc) {
        if (doc instanceof Group) {
            return doc;
        }
        Doc[] lead = splitLeadingComments(doc);
        Doc[] trail = splitTrailingComment(lead[1]);
        Doc group = new Group(trail[0]);
        if (lead[0] == null && trail[1] == null) {
            return group;
        }
        return concat(lead[0] == null ? EMPTY : lead[0], group, trail[1] == null ? EMPTY : trail[1]);
    }

    /** {comments, rest} when {@code doc} starts with comments (not under a nest or an alignment), else {null, doc}. */
    private static Doc[] splitLeadingComments(Doc doc) {
        List<Concat> path = new ArrayList<>();
        Doc cur = doc;
        while (!(cur instanceof Comments)) {
            if (cur instanceof Concat c && c.parts.length > 0) {
                path.add(c);
                cur = c.parts[0];
            } else {
                return new Doc[] {null, doc};
            }
        }
        Doc rest = EMPTY;
        for (int i = path.size() - 1; i >= 0; i--) {
            Doc[] parts = path.get(i).parts.clone();
            parts[0] = rest;
            rest = new Concat(parts);
        }
        return new Doc[] {cur, rest};
    }

    /** {rest, comment} when {@code doc} ends with a trailing comment, else {doc, null}. */
    private static Doc[] splitTrailingComment(Doc doc) {
        List<Doc> path = new ArrayList<>();
        Doc cur = doc;
        while (!(cur instanceof Trailing)) {
            if (cur instanceof Concat c && c.parts.length > 0) {
                path.add(c);
                cur = c.parts[c.parts.length - 1];
            } else if (cur instanceof Nest n) {
                path.add(n);
                cur = n.doc;
            } else if (cur instanceof Align a) {
                path.add(a);
                cur = a.doc;
            } else {
                return new Doc[] {doc, null};
            }
        }
        Doc rest = EMPTY;
        for (int i = path.size() - 1; i >= 0; i--) {
            Doc node = path.get(i);
            if (node instanceof Concat c) {
                Doc[] parts = c.parts.clone();
                parts[parts.length - 1] = rest;
                rest = new Concat(parts);
            } else if (node instanceof Nest n) {
                rest = new Nest(n.indent, rest);
            } else {
                rest = new Align(rest);
            }
        }
        return new Doc[] {rest, cur};
    }

    static Doc concat(Doc... docs) {
        return docs.length == 1 ? docs[0] : new Concat(docs.clone());
    }

    static Doc concat(List<Doc> docs) {
        return docs.size() == 1 ? docs.get(0) : new Concat(docs.toArray(new Doc[0]));
    }

    private static boolean anyHard(Doc[] docs) {
        for (Doc d : docs) {
            if (d.hard) {
                return true;
            }
        }
        return false;
    }

    static final class Text extends Doc {
        final String text;

        Text(String text) {
            super(false);
            this.text = text;
        }
    }

    static final class Line extends Doc {
        /** What the line is when flat. */
        final String flat;

        Line(String flat, boolean hard) {
            super(hard);
            this.flat = flat;
        }
    }

    static final class Comments extends Doc {
        final List<String> comments;

        Comments(List<String> comments) {
            super(true);
            this.comments = comments;
        }
    }

    static final class Trailing extends Doc {
        final String comment;

        Trailing(String comment) {
            super(true);
            this.comment = comment;
        }
    }

    static final class Concat extends Doc {
        final Doc[] parts;

        Concat(Doc[] parts) {
            super(anyHard(parts));
            this.parts = parts;
        }
    }

    static final class Nest extends Doc {
        final int indent;
        final Doc doc;

        Nest(int indent, Doc doc) {
            super(doc.hard);
            this.indent = indent;
            this.doc = doc;
        }
    }

    static final class Align extends Doc {
        final Doc doc;

        Align(Doc doc) {
            super(doc.hard);
            this.doc = doc;
        }
    }

    static final class Group extends Doc {
        final Doc doc;

        Group(Doc doc) {
            super(doc.hard);
            this.doc = doc;
        }
    }
}
