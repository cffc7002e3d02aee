package io.cedarwood.engine.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cedarwood.engine.format.Doc.align;
import static io.cedarwood.engine.format.Doc.comments;
import static io.cedarwood.engine.format.Doc.concat;
import static io.cedarwood.engine.format.Doc.group;
import static io.cedarwood.engine.format.Doc.hardLine;
import static io.cedarwood.engine.format.Doc.line;
import static io.cedarwood.engine.format.Doc.nest;
import static io.cedarwood.engine.format.Doc.softLine;
import static io.cedarwood.engine.format.Doc.text;
import static io.cedarwood.engine.format.Doc.trailing;
import static org.assertj.core.api.Assertions.assertThat;

class LayoutTest {
    /** {@code f(a, b, c)}, arguments on lines of their own when it does not fit. */
    private static Doc call() {
        return group(concat(text("f("), nest(2, concat(softLine(), text("a,"), line(), text("b,"), line(), text("c"))),
                softLine(), text(")")));
    }

    @Test
    void groupIsFlatWhenItFits() {
        assertThat(Layout.render(call(), 10)).isEqualTo("f(a, b, c)");
    }

    @Test
    void groupBreaksEveryLineWhenItDoesNotFit() {
        assertThat(Layout.render(call(), 9)).isEqualTo("f(\n  a,\n  b,\n  c\n)");
    }

    @Test
    void groupCountsWhatFollowsItUpToTheNextLineBreak() {
        Doc doc = concat(call(), text(";"), line(), text("next"));
        assertThat(Layout.render(doc, 11)).isEqualTo("f(a, b, c);\nnext");
        assertThat(Layout.render(doc, 10)).isEqualTo("f(\n  a,\n  b,\n  c\n);\nnext");
    }

    @Test
    void innerGroupsDecideForThemselvesOnceTheOuterOneBreaks() {
        Doc doc = group(concat(text("x"), nest(2, concat(line(), call(), line(), text("y")))));
        assertThat(Layout.render(doc, 12)).isEqualTo("x\n  f(a, b, c)\n  y");
    }

    @Test
    void hardLineBreaksItsGroupsAndNeverLeavesAnEmptyLineOrTrailingSpaces() {
        Doc doc = group(concat(text("a"), text(" "), hardLine(), hardLine(), line(), text("b")));
        assertThat(Layout.render(doc, 80)).isEqualTo("a\nb");
    }

    @Test
    void alignIndentsToTheColumnWhereItStarts() {
        Doc doc = group(concat(text("xs == ["), align(concat(text("1,"), line(), text("2"))), text("]")));
        assertThat(Layout.render(doc, 8)).isEqualTo("xs == [1,\n       2]");
    }

    @Test
    void commentsAtTheEdgesOfAGroupDoNotBreakIt() {
        Doc doc = group(concat(comments(List.of("// before")), text("a"), line(), text("b"), trailing("// after")));
        assertThat(Layout.render(concat(text("x"), doc, text("y")), 80)).isEqualTo("x\n// before\na b // after\ny");
    }

    @Test
    void commentInsideAGroupBreaksIt() {
        Doc doc = group(concat(text("a"), trailing("// after a"), line(), text("b")));
        assertThat(Layout.render(doc, 80)).isEqualTo("a // after a\nb");
    }

    @Test
    void renderHandlesVeryDeepDocuments() {
        Doc doc = text("x");
        for (int i = 0; i < 200_000; i++) {
            doc = group(nest(1, concat(text("("), doc, softLine(), text(")"))));
        }
        String out = Layout.render(doc, 1_000_000);
        assertThat(out).hasSize(400_001).startsWith("((").endsWith("))");
    }
}
