package io.cedarwood.engine.format;

import io.cedarwood.engine.parser.antlr.CedarLexer;
import io.cedarwood.engine.parser.antlr.CedarParser;
import io.cedarwood.engine.parser.antlr.CedarParser.AccessContext;
import io.cedarwood.engine.parser.antlr.CedarParser.AddExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.AndExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.AnnotationContext;
import io.cedarwood.engine.parser.antlr.CedarParser.CallAccessContext;
import io.cedarwood.engine.parser.antlr.CedarParser.ConditionContext;
import io.cedarwood.engine.parser.antlr.CedarParser.ExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.ExprKeyInitContext;
import io.cedarwood.engine.parser.antlr.CedarParser.FieldAccessContext;
import io.cedarwood.engine.parser.antlr.CedarParser.IfExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.IndexAccessContext;
import io.cedarwood.engine.parser.antlr.CedarParser.MemberContext;
import io.cedarwood.engine.parser.antlr.CedarParser.MultExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.NamePrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.OrExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.ParenPrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.PlainExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.PolicyContext;
import io.cedarwood.engine.parser.antlr.CedarParser.PrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.RecordPrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.RelationContext;
import io.cedarwood.engine.parser.antlr.CedarParser.SetPrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.UnaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.VariableDefContext;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Concrete syntax (tokens and parse tree, comments included) to {@link Doc}s, one per policy.
 *
 * <p>Every token of the input is visited exactly once, in order ({@link #token} checks it), and carries
 * its comments into the document: the comments on the lines before it go on lines of their own before it,
 * the comment after it on its line stays after it and ends the line. That is how the reference's formatter
 * attaches comments too; as the document keeps that shape, formatting the output again attaches every
 * comment to the same token, which makes the formatter idempotent. The only tokens left out are trailing
 * commas; their comments move to the next token.
 *
 * <p>Unlike the rest of the engine, this reads the generated parser's tree directly: a formatter works on
 * the concrete syntax, which the AST no longer has (parentheses, literals as written, comments). The text
 * has already been checked by the parser, so any parse failure here is a bug.
 */
final class DocBuilder {
    private final int indent;
    private final CharStream input;
    /** The parser-visible tokens, without EOF, in order. */
    private final List<Token> tokens = new ArrayList<>();
    private final Map<Token, List<String>> leading = new HashMap<>();
    private final Map<Token, String> trailing = new HashMap<>();
    private final List<String> endComments = new ArrayList<>();
    /** Comments of dropped tokens, waiting for the next token. */
    private final List<String> carried = new ArrayList<>();
    private int next;
    private final CedarParser.PoliciesContext tree;

    /** What {@link PolicyFormatter} puts together: the policies' documents and the comments after them. */
    record Result(List<Doc> policies, List<String> endComments) {
    }

    private DocBuilder(String text, int indent) {
        this.indent = indent;
        this.input = CharStreams.fromString(text);
        CedarLexer lexer = new CedarLexer(input);
        lexer.removeErrorListeners();
        CommonTokenStream stream = new CommonTokenStream(lexer);
        stream.fill();
        attachComments(stream.getTokens());
        this.tree = parse(stream);
    }

    /** The documents of the policies in {@code text}, which must be a valid policy set. */
    static Result build(String text, int indent) {
        DocBuilder b = new DocBuilder(text, indent);
        List<Doc> docs = new ArrayList<>();
        for (PolicyContext p : b.tree.policy()) {
            docs.add(b.policy(p));
        }
        if (b.next != b.tokens.size() || !b.carried.isEmpty()) {
            throw new IllegalStateException("the formatter left out tokens");
        }
        return new Result(docs, List.copyOf(b.endComments));
    }

    private static CedarParser.PoliciesContext parse(CommonTokenStream stream) {
        CedarParser parser = new CedarParser(stream);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.policies();
        } catch (ParseCancellationException sllFailed) {
            stream.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return parser.policies();
            } catch (ParseCancellationException e) {
                throw new IllegalStateException("the formatter could not parse text that the parser accepted", e);
            }
        }
    }

    /**
     * A comment on the line of the token before it (no line break between them) trails that token; any
     * other comment leads the next token, or ends the input when no token follows.
     */
    private void attachComments(List<Token> all) {
        List<String> pending = new ArrayList<>();
        Token previous = null;
        for (Token t : all) {
            if (t.getType() == CedarLexer.COMMENT) {
                String comment = t.getText().stripTrailing();
                if (previous != null && !trailing.containsKey(previous)
                        && !hasLineBreak(previous.getStopIndex() + 1, t.getStartIndex())) {
                    trailing.put(previous, comment);
                } else {
                    pending.add(comment);
                }
            } else if (t.getType() == Token.EOF) {
                endComments.addAll(pending);
            } else if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
                if (!pending.isEmpty()) {
                    leading.put(t, pending);
                    pending = new ArrayList<>();
                }
                previous = t;
            }
        }
    }

    /** Whether the text from code point {@code from} to {@code to} (excluded) has a line break. */
    private boolean hasLineBreak(int from, int to) {
        String between = from >= to ? "" : input.getText(Interval.of(from, to - 1));
        return between.indexOf('\n') >= 0 || between.indexOf('\r') >= 0;
    }

    // ---------------------------------------------------------------- tokens

    /** The next token, with its comments. */
    private Doc token(TerminalNode node) {
        return token(node, 0);
    }

    /**
     * The next token, a closing bracket whose leading comments are indented like the lines it closes,
     * {@code nest} columns more than the bracket.
     */
    private Doc closing(TerminalNode node, int nest) {
        return token(node, nest);
    }

    private Doc token(TerminalNode node, int commentNest) {
        Token t = take(node);
        List<String> before = new ArrayList<>(carried);
        carried.clear();
        before.addAll(leading.getOrDefault(t, List.of()));
        String after = trailing.get(t);
        if (before.isEmpty() && after == null) {
            return Doc.text(t.getText());
        }
        List<Doc> parts = new ArrayList<>();
        if (!before.isEmpty()) {
            parts.add(Doc.nest(commentNest, Doc.comments(before)));
            if (commentNest != 0) {
                parts.add(Doc.hardLine());
            }
        }
        parts.add(Doc.text(t.getText()));
        if (after != null) {
            parts.add(Doc.trailing(after));
        }
        return Doc.concat(parts);
    }

    /** Leaves out the next token; its comments go before the next token. */
    private void drop(TerminalNode node) {
        Token t = take(node);
        carried.addAll(leading.getOrDefault(t, List.of()));
        String after = trailing.get(t);
        if (after != null) {
            carried.add(after);
        }
    }

    private Token take(TerminalNode node) {
        Token t = node.getSymbol();
        if (next >= tokens.size() || tokens.get(next) != t) {
            throw new IllegalStateException("the formatter visited a token out of order: `" + t.getText() + "`");
        }
        next++;
        return t;
    }

    /** Every token of {@code tree}, separated by {@code separator}. */
    private Doc tokens(ParseTree tree, Doc separator) {
        List<Doc> parts = new ArrayList<>();
        collectTokens(tree, separator, parts);
        return Doc.concat(parts);
    }

    private void collectTokens(ParseTree tree, Doc separator, List<Doc> parts) {
        if (tree instanceof TerminalNode t) {
            if (!parts.isEmpty()) {
                parts.add(separator);
            }
            parts.add(token(t));
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            collectTokens(tree.getChild(i), separator, parts);
        }
    }

    // ---------------------------------------------------------------- policies

    private Doc policy(PolicyContext c) {
        List<Doc> parts = new ArrayList<>();
        int i = 0;
        while (c.getChild(i) instanceof AnnotationContext a) {
            parts.add(tokens(a, Doc.EMPTY));
            parts.add(Doc.hardLine());
            i++;
        }
        parts.add(token(terminal(c.getChild(i++)))); // the effect
        parts.add(Doc.space());
        parts.add(token((TerminalNode) c.getChild(i++))); // (

        // the scope: variables and the commas after them
        List<VariableDefContext> vars = new ArrayList<>();
        List<TerminalNode> commas = new ArrayList<>();
        while (!(c.getChild(i) instanceof TerminalNode t && t.getSymbol().getType() == CedarLexer.RPAREN)) {
            ParseTree child = c.getChild(i++);
            if (child instanceof VariableDefContext v) {
                vars.add(v);
            } else {
                commas.add((TerminalNode) child);
            }
        }
        boolean bare = vars.stream().allMatch(v -> v.getChildCount() == 1);
        List<Doc> scope = new ArrayList<>();
        for (int v = 0; v < vars.size(); v++) {
            if (!bare) {
                scope.add(Doc.hardLine());
            }
            scope.add(variable(vars.get(v)));
            if (v < commas.size()) {
                if (v == vars.size() - 1) {
                    drop(commas.get(v));
                } else {
                    scope.add(token(commas.get(v)));
                    if (bare) {
                        scope.add(Doc.space());
                    }
                }
            }
        }
        parts.add(Doc.nest(indent, Doc.concat(scope)));
        if (!bare) {
            parts.add(Doc.hardLine());
        }
        parts.add(closing((TerminalNode) c.getChild(i++), bare ? 0 : indent)); // )

        while (c.getChild(i) instanceof ConditionContext condition) {
            parts.add(Doc.hardLine());
            parts.add(condition(condition));
            i++;
        }
        parts.add(token((TerminalNode) c.getChild(i))); // ;
        return Doc.concat(parts);
    }

    private static TerminalNode terminal(ParseTree tree) {
        while (!(tree instanceof TerminalNode)) {
            tree = tree.getChild(0);
        }
        return (TerminalNode) tree;
    }

    /** {@code principal}, {@code principal is T}, {@code principal in ?principal}, ... */
    private Doc variable(VariableDefContext c) {
        List<Doc> parts = new ArrayList<>();
        parts.add(token(terminal(c.variable)));
        for (int i = 1; i < c.getChildCount(); i++) {
            ParseTree child = c.getChild(i);
            if (child instanceof ExprContext e) {
                // the right-hand side of `==` or `in` goes on the next line when too long
                parts.add(Doc.nest(indent, Doc.concat(Doc.line(), Doc.group(expr(e)))));
                continue;
            }
            parts.add(Doc.space());
            if (child instanceof AddExprContext a) {
                parts.add(add(a));
            } else {
                parts.add(tokens(child, Doc.EMPTY));
            }
        }
        return Doc.group(Doc.concat(parts));
    }

    /**
     * {@code when { e }} when it fits, else {@code when}, then {@code { e }} on the next line or, when that
     * is still too long, broken over lines, as the reference lays it out.
     */
    private Doc condition(ConditionContext c) {
        Doc keyword = token(terminal(c.keyword));
        Doc open = token(c.LBRACE());
        if (c.expr() == null) {
            return Doc.group(Doc.concat(keyword, Doc.line(), open, token(c.RBRACE())));
        }
        Doc body = Doc.group(expr(c.expr()));
        Doc braces = Doc.group(Doc.concat(open, Doc.nest(indent, Doc.concat(Doc.line(), body)), Doc.line(),
                closing(c.RBRACE(), indent)));
        return Doc.group(Doc.concat(keyword, Doc.line(), braces));
    }

    // ---------------------------------------------------------------- expressions

    /**
     * An expression, not grouped: the operands of a chain of {@code ||} and {@code &&} break onto lines of
     * their own together, as the reference does, so the caller decides where the group is.
     */
    private Doc expr(ExprContext c) {
        if (c instanceof PlainExprContext p) {
            return or(p.orExpr());
        }
        // an `else if` chain is one group: it breaks before every `then` and `else`, or nowhere
        List<Doc> parts = new ArrayList<>();
        ExprContext e = c;
        while (e instanceof IfExprContext i) {
            parts.add(token(i.IF()));
            parts.add(branch(i.expr(0)));
            parts.add(Doc.line());
            parts.add(token(i.THEN()));
            parts.add(branch(i.expr(1)));
            parts.add(Doc.line());
            parts.add(token(i.ELSE()));
            e = i.expr(2);
            if (e instanceof IfExprContext) {
                parts.add(Doc.space());
            }
        }
        parts.add(branch(e));
        return Doc.group(Doc.concat(parts));
    }

    /** An operand of {@code if}, {@code then} or {@code else}: on the same line, or indented on the next. */
    private Doc branch(ExprContext c) {
        return Doc.nest(indent, Doc.concat(Doc.line(), Doc.group(expr(c))));
    }

    private Doc or(OrExprContext c) {
        List<Doc> parts = new ArrayList<>();
        for (int i = 0; i < c.getChildCount(); i++) {
            ParseTree child = c.getChild(i);
            if (child instanceof AndExprContext a) {
                parts.add(and(a));
            } else {
                parts.add(Doc.space());
                parts.add(token((TerminalNode) child));
                parts.add(Doc.line());
            }
        }
        return Doc.concat(parts);
    }

    private Doc and(AndExprContext c) {
        List<Doc> parts = new ArrayList<>();
        for (int i = 0; i < c.getChildCount(); i++) {
            ParseTree child = c.getChild(i);
            if (child instanceof RelationContext r) {
                parts.add(relation(r));
            } else {
                parts.add(Doc.space());
                parts.add(token((TerminalNode) child));
                parts.add(Doc.line());
            }
        }
        return Doc.concat(parts);
    }

    /** {@code a == b}, {@code a has b.c}, {@code a like "p"}, {@code a is T in b}: one space around operators. */
    private Doc relation(RelationContext c) {
        if (c.getChildCount() == 1) {
            return add(c.addExpr(0));
        }
        List<Doc> parts = new ArrayList<>();
        for (int i = 0; i < c.getChildCount(); i++) {
            ParseTree child = c.getChild(i);
            if (i > 0 && !(child instanceof AccessContext)) {
                parts.add(Doc.space());
            }
            if (child instanceof AddExprContext a) {
                parts.add(add(a));
            } else if (child instanceof AccessContext a) {
                parts.add(access(a));
            } else {
                parts.add(tokens(child, Doc.EMPTY));
            }
        }
        return Doc.concat(parts);
    }

    /** {@code a + b - c}: may break after the operators. */
    private Doc add(AddExprContext c) {
        if (c.getChildCount() == 1) {
            return mult(c.multExpr(0));
        }
        List<Doc> parts = new ArrayList<>();
        for (int i = 0; i < c.getChildCount(); i++) {
            ParseTree child = c.getChild(i);
            if (child instanceof MultExprContext m) {
                parts.add(mult(m));
            } else {
                parts.add(Doc.space());
                parts.add(tokens(child, Doc.EMPTY));
                parts.add(Doc.line());
            }
        }
        return Doc.group(Doc.concat(parts));
    }

    private Doc mult(MultExprContext c) {
        if (c.getChildCount() == 1) {
            return unary(c.unary(0));
        }
        List<Doc> parts = new ArrayList<>();
        for (int i = 0; i < c.getChildCount(); i++) {
            ParseTree child = c.getChild(i);
            if (child instanceof UnaryContext u) {
                parts.add(unary(u));
            } else {
                parts.add(Doc.space());
                parts.add(tokens(child, Doc.EMPTY));
                parts.add(Doc.line());
            }
        }
        return Doc.group(Doc.concat(parts));
    }

    /** {@code !!a}, {@code -5}: the operators stick to their operand. */
    private Doc unary(UnaryContext c) {
        if (c.getChildCount() == 1) {
            return member(c.member());
        }
        List<Doc> parts = new ArrayList<>();
        for (int i = 0; i < c.getChildCount() - 1; i++) {
            parts.add(token((TerminalNode) c.getChild(i)));
        }
        parts.add(member(c.member()));
        return Doc.concat(parts);
    }

    /**
     * {@code a.b.c(d)["e"]}: a function call stays with its name and a method call with its field; when the
     * chain is too long, every access after the first starts a line of its own.
     */
    private Doc member(MemberContext c) {
        List<AccessContext> accesses = c.access();
        Doc head = primary(c.primary());
        int i = 0;
        if (!accesses.isEmpty() && accesses.get(0) instanceof CallAccessContext
                && c.primary() instanceof NamePrimaryContext n && n.DCOLON() == null) {
            head = Doc.concat(head, access(accesses.get(0)));
            i = 1;
        }
        if (i == accesses.size()) {
            return head;
        }
        List<Doc> units = new ArrayList<>();
        while (i < accesses.size()) {
            AccessContext a = accesses.get(i++);
            Doc unit = access(a);
            if (a instanceof FieldAccessContext && i < accesses.size() && accesses.get(i) instanceof CallAccessContext) {
                unit = Doc.concat(unit, access(accesses.get(i++)));
            }
            units.add(unit);
        }
        List<Doc> rest = new ArrayList<>();
        for (int u = 1; u < units.size(); u++) {
            rest.add(Doc.softLine());
            rest.add(units.get(u));
        }
        return Doc.group(Doc.concat(head, units.get(0), Doc.nest(indent, Doc.concat(rest))));
    }

    private Doc access(AccessContext c) {
        if (c instanceof FieldAccessContext f) {
            return Doc.concat(token(f.DOT()), tokens(f.anyIdent(), Doc.EMPTY));
        } else if (c instanceof IndexAccessContext x) {
            return Doc.concat(token(x.LBRACKET()), Doc.group(expr(x.expr())), token(x.RBRACKET()));
        }
        CallAccessContext call = (CallAccessContext) c;
        return bracketed(call, Doc.softLine(), indent);
    }

    private Doc primary(PrimaryContext c) {
        if (c instanceof ParenPrimaryContext p) {
            // continuation lines line up with the first character after the parenthesis
            return Doc.group(Doc.concat(token(p.LPAREN()), Doc.align(expr(p.expr())), token(p.RPAREN())));
        } else if (c instanceof SetPrimaryContext s) {
            return bracketed(s, Doc.EMPTY, -1);
        } else if (c instanceof RecordPrimaryContext r) {
            return bracketed(r, Doc.line(), indent);
        }
        // literals, slots, names and entity uids (`Ns::Type::"id"`)
        return tokens(c, Doc.EMPTY);
    }

    /**
     * A bracketed list: call arguments, set elements or record entries, flat when it fits, else one element
     * a line. The elements are indented {@code nest} columns, or line up after the opening bracket when
     * {@code nest} is negative; {@code padding} goes inside the brackets. A trailing comma is left out.
     */
    private Doc bracketed(ParserRuleContext c, Doc padding, int nest) {
        int last = c.getChildCount() - 1;
        Doc open = token((TerminalNode) c.getChild(0));
        if (last == 1) {
            return Doc.concat(open, token((TerminalNode) c.getChild(1)));
        }
        List<Doc> items = new ArrayList<>();
        for (int i = 1; i < last; i++) {
            ParseTree child = c.getChild(i);
            if (child instanceof TerminalNode comma) {
                if (i == last - 1) {
                    drop(comma);
                } else {
                    items.add(token(comma));
                    items.add(Doc.line());
                }
            } else if (child instanceof ExprKeyInitContext init) {
                items.add(Doc.concat(Doc.group(expr(init.expr(0))), token(init.COLON()), Doc.space(),
                        Doc.group(expr(init.expr(1)))));
            } else if (child instanceof ExprContext e) {
                items.add(Doc.group(expr(e)));
            } else {
                items.add(tokens(child, Doc.space()));
            }
        }
        Doc inside = Doc.concat(items);
        Doc body = nest < 0 ? Doc.align(inside) : Doc.nest(nest, Doc.concat(padding, inside));
        Doc close = closing((TerminalNode) c.getChild(last), Math.max(nest, 0));
        return Doc.group(nest < 0 ? Doc.concat(open, body, close) : Doc.concat(open, body, padding, close));
    }
}
